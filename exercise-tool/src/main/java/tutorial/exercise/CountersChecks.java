package tutorial.exercise;

import java.util.Map;
import tutorial.compare.Family;
import tutorial.compare.Format;
import tutorial.compare.Scrape;

/** The counters chapter: two counters, one per page, each counting its own visits. */
final class CountersChecks {

  private static final Family HOME =
      Shapes.expected("counters/before-visits", "home_page_visits_total");
  private static final Family ABOUT =
      Shapes.expected("counters/before-visits", "about_page_visits_total");

  private static final String DECLARE =
      "Counter.builder().name(\"home_page_visits\").help(\"Number of visits to the home page\")"
          + ".register(registry)";
  private static final String INCREMENT = "homeCounter.inc()";

  /** The home page visits the check makes: two, so that a swapped pair of counters shows. */
  private static final int HOME_VISITS = 2;

  private static final int ABOUT_VISITS = 1;

  private CountersChecks() {}

  /** Both counters, as the tutorial's first scrape shows them. */
  static void declared(Probe probe) throws Fault {
    Scrape scrape = probe.scrape(Format.text);
    Shapes.judge(scrape, HOME, Steps.DEFINE_COUNTERS, DECLARE);
    Shapes.judge(scrape, ABOUT, Steps.DEFINE_COUNTERS, DECLARE.replace("home", "about"));
  }

  /** Each visit counted once, by its own page's counter. */
  static void counted(Probe probe) throws Fault {
    declared(probe);
    Scrape before = probe.scrape(Format.text);
    for (int i = 0; i < HOME_VISITS; i++) {
      Requests.ok(probe, "/");
    }
    for (int i = 0; i < ABOUT_VISITS; i++) {
      Requests.ok(probe, "/about");
    }
    Scrape after = probe.scrape(Format.text);
    long home = delta(before, after, HOME);
    long about = delta(before, after, ABOUT);
    if (home == HOME_VISITS && about == ABOUT_VISITS) {
      return;
    }
    String visits = HOME_VISITS + " visits to / and " + ABOUT_VISITS + " to /about";
    String moved =
        "After "
            + visits
            + ", the home counter moved by "
            + home
            + " and the about counter by "
            + about;
    String reason;
    if (home == ABOUT_VISITS && about == HOME_VISITS) {
      reason = moved + ": the counters are swapped, each route must count its own page";
    } else if (home == 2L * HOME_VISITS) {
      reason =
          "After "
              + HOME_VISITS
              + " visits the home counter reads "
              + home
              + " more: inc() runs twice per request";
    } else if (home == 0 && about == 0) {
      reason =
          "After " + visits + ", neither counter moved: each route must call its counter's inc()";
    } else {
      reason = moved + "; each visit adds 1 to its page's counter";
    }
    throw new Fault(reason, Steps.INCREMENT_COUNTERS, INCREMENT);
  }

  private static long delta(Scrape before, Scrape after, Family family) {
    return Math.round(
        Shapes.value(after, family.key(), Map.of()) - Shapes.value(before, family.key(), Map.of()));
  }
}
