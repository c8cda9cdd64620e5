package tutorial.exercise;

import java.util.List;
import tutorial.compare.Family;
import tutorial.compare.Format;
import tutorial.compare.Sample;
import tutorial.compare.Scrape;

/** The custom metric types: an Info for static facts, and an Enum, a StateSet in client_java. */
final class CustomMetricsChecks {

  private static final Family INFO = Shapes.expected("custommetrics/at-start", "application_info");
  private static final Family STATE =
      Shapes.expected("custommetrics/at-start", "application_state");

  private static final String DECLARE_INFO =
      "Info.builder().name(\"application_info\").help(\"Application information\")"
          + ".labelNames(\"version\", \"author\").register(registry), then"
          + " info.setLabelValues(\"1.0\", \"John Doe\")";
  private static final String DECLARE_STATE =
      "StateSet.builder().name(\"application_state\").help(\"Application state\")"
          + ".states(\"loading\", \"missing\", \"running\", \"stopped\").register(registry)";
  private static final String SET_ONE = "state.setFalse(current); state.setTrue(next)";

  private CustomMetricsChecks() {}

  static void info(Probe probe) throws Fault {
    Shapes.judge(probe.scrape(Format.text), INFO, Steps.DEFINE_INFO, DECLARE_INFO);
    openMetricsType(probe, INFO.key(), "info", Steps.DEFINE_INFO, DECLARE_INFO);
  }

  /** One state set at start, one after each change, and a bad state refused without a trace. */
  static void oneState(Probe probe) throws Fault {
    Shapes.judge(probe.scrape(Format.text), STATE, Steps.DEFINE_STATE, DECLARE_STATE);
    openMetricsType(probe, STATE.key(), "stateset", Steps.DEFINE_STATE, DECLARE_STATE);
    onlyState(probe, null, "at start");
    for (String next : List.of("stopped", "running")) {
      Requests.expect(probe.post("/state/" + next), "POST /state/" + next, 200);
      onlyState(probe, next, "after POST /state/" + next);
    }
    String bad = "no-such-state";
    Probe.Answer refused = probe.post("/state/" + bad);
    if (refused.status() < 400 || refused.status() >= 500) {
      throw Fault.of(
          "POST /state/"
              + bad
              + " answered "
              + refused.status()
              + "; a state the StateSet does not have is the caller's mistake, a 400");
    }
    Scrape after = probe.scrape(Format.text);
    onlyState(after, "running", "after a refused POST /state/" + bad);
    Requests.noSeriesFrom(after, List.of(bad), Steps.SET_ONE_STATE, SET_ONE);
  }

  private static void onlyState(Probe probe, String expected, String when) throws Fault {
    onlyState(probe.scrape(Format.text), expected, when);
  }

  private static void onlyState(Scrape scrape, String expected, String when) throws Fault {
    List<String> set =
        Shapes.find(scrape, STATE.key()).samples().stream()
            .filter(s -> s.value().number() == 1)
            .map(s -> s.labels().get("application_state"))
            .toList();
    if (set.size() > 1) {
      throw new Fault(
          (set.size() == 2 ? "Two" : set.size() + "")
              + " states of `application_state` are set "
              + when
              + ": "
              + String.join(" and ", set)
              + "; clear the old state before setting the new one",
          Steps.SET_ONE_STATE,
          SET_ONE);
    }
    if (set.isEmpty()) {
      throw new Fault(
          "No state of `application_state` is set " + when + ": set exactly one",
          Steps.SET_ONE_STATE,
          "state.setTrue(\"running\")");
    }
    if (expected != null && !set.get(0).equals(expected)) {
      throw new Fault(
          "`application_state` says " + set.get(0) + " " + when + ", not " + expected,
          Steps.SET_ONE_STATE,
          SET_ONE);
    }
  }

  /**
   * In the text format an Info and a StateSet are gauges; OpenMetrics says what they are. A service
   * that answers only the text format (the tutorial's Python apps) is not asked.
   */
  private static void openMetricsType(
      Probe probe, String key, String type, String step, String call) throws Fault {
    Scrape scrape = probe.scrape(Format.openmetrics);
    if (scrape.format() != Format.openmetrics) {
      return;
    }
    Family family = Shapes.find(scrape, key);
    if (family != null && !family.type().equals(type)) {
      throw new Fault(
          Shapes.wrongType(key, family.type(), type)
              + " (OpenMetrics says so; the text format"
              + " writes both as gauges)",
          step,
          call);
    }
    if (family != null && type.equals("stateset")) {
      for (Sample sample : family.samples()) {
        double value = sample.value().number();
        if (value != 0 && value != 1) {
          throw new Fault(
              "`" + key + "` holds " + sample.value().text() + "; a state is 0 or 1",
              Steps.SET_ONE_STATE,
              SET_ONE);
        }
      }
    }
  }
}
