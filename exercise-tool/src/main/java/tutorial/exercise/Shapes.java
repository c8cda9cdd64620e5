package tutorial.exercise;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tutorial.compare.Family;
import tutorial.compare.Sample;
import tutorial.compare.Scrape;
import tutorial.compare.ScrapeReader;
import tutorial.compare.TargetException;
import tutorial.steps.TutorialSteps;

/**
 * A family of a scrape judged against the same family in a tutorial step's expected scrape: its
 * name, type, help, labels and, for histograms and summaries, its bounds. Values are the checks'
 * business, as deltas over the requests they make, so that a service that already served requests
 * is judged as fairly as a fresh one.
 */
final class Shapes {

  /** What each type is for, said when a learner picked another. */
  private static final Map<String, String> WHAT_IT_IS =
      Map.of(
          "counter", "a counter only goes up",
          "gauge", "a gauge goes down as well as up",
          "histogram", "a histogram counts the durations in buckets",
          "summary", "a summary keeps a count and a sum",
          "info", "an Info is a constant 1 whose labels are the facts",
          "stateset", "a StateSet has one series per state");

  private Shapes() {}

  /** The family {@code key} of the tutorial's {@code step}, e.g. {@code counters/before-visits}. */
  static Family expected(String step, String key) {
    String text =
        TutorialSteps.read(step).orElseThrow(() -> new IllegalStateException("no step " + step));
    try {
      Scrape scrape =
          new ScrapeReader(null)
              .readExpected(text.getBytes(StandardCharsets.UTF_8), "step " + step);
      return find(scrape, key);
    } catch (TargetException e) {
      throw new IllegalStateException(e);
    }
  }

  static Family find(Scrape scrape, String key) {
    return scrape.families().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  /**
   * The family of {@code scrape} that {@code expected} names, or the first fault that sets them
   * apart. {@code step} and {@code call} say where and how the family is declared.
   */
  static Family judge(Scrape scrape, Family expected, String step, String call) throws Fault {
    String name = expected.key();
    Family actual = find(scrape, name);
    if (actual == null) {
      throw new Fault(missing(scrape, expected, kindOf(call)), step, call);
    }
    if (!actual.type().equals(expected.type())) {
      throw new Fault(wrongType(name, actual.type(), expected.type()), step, call);
    }
    if (!actual.help().equals(expected.help())) {
      throw new Fault(
          "`"
              + name
              + "`'s help is \""
              + actual.help()
              + "\"; the tutorial's is \""
              + expected.help()
              + "\"",
          step,
          call);
    }
    Set<String> labels = labelNames(actual);
    Set<String> wanted = labelNames(expected);
    if (!labels.equals(wanted)) {
      throw new Fault(
          "`"
              + name
              + "` has "
              + listOf("label", labels)
              + "; the tutorial's has "
              + listOf("label", wanted),
          step,
          call);
    }
    Set<String> series = seriesOf(actual);
    for (String one : seriesOf(expected)) {
      if (!series.contains(one)) {
        throw new Fault(
            "`"
                + name
                + "` has no series "
                + one
                + (series.isEmpty() ? "" : "; it has " + String.join(", ", series)),
            step,
            call);
      }
    }
    return actual;
  }

  /** What the call builds: {@code Counter.builder()...} builds a counter. */
  private static String kindOf(String call) {
    String kind = call.substring(0, Math.max(0, call.indexOf('.')));
    return kind.equals("Info") || kind.equals("StateSet") ? kind : kind.toLowerCase(Locale.ROOT);
  }

  private static String missing(Scrape scrape, Family expected, String kind) {
    String name = expected.key();
    String stem = expected.stem();
    for (Family other : scrape.families()) {
      String key = other.key();
      if (key.equals(name + "_info")) {
        return "`" + key + "`: Info adds `_info` itself; the tutorial's is `" + name + "`";
      }
      if (other.stem().equals(stem) || key.equals(stem) || other.name().equals(stem)) {
        return wrongType(key, other.type(), expected.type());
      }
    }
    return "`"
        + name
        + "` is missing: was the "
        + kind
        + " registered with the registry that /metrics serves?";
  }

  static String wrongType(String name, String actual, String expected) {
    String why = WHAT_IT_IS.get(expected);
    return "`"
        + name
        + "` is "
        + article(actual)
        + "; the tutorial's is "
        + article(expected)
        + (why == null ? "" : ": " + why);
  }

  private static String article(String type) {
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  /** The family's label names, leaving out {@code le} and {@code quantile}. */
  static Set<String> labelNames(Family family) {
    return family.samples().stream()
        .flatMap(s -> s.labels().keySet().stream())
        .filter(label -> !label.equals("le") && !label.equals("quantile"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Each series as {@code {a="x",b="y"}}, leaving out the bounds. */
  static Set<String> seriesOf(Family family) {
    return family.samples().stream()
        .map(s -> s.labelText(Set.of("le", "quantile")))
        .map(text -> text.isEmpty() ? "{}" : text)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The value of sample {@code name} with {@code labels}, or 0 if there is none yet. */
  static double value(Scrape scrape, String name, Map<String, String> labels) {
    for (Family family : scrape.families()) {
      for (Sample sample : family.samples()) {
        if (sample.name().equals(name) && sample.labels().equals(labels)) {
          return sample.value().number();
        }
      }
    }
    return 0;
  }

  private static String listOf(String what, Set<String> names) {
    if (names.isEmpty()) {
      return "no " + what + "s";
    }
    return what + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
  }
}
