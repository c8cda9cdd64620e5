package tutorial.exercise;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tutorial.compare.Family;
import tutorial.compare.Format;
import tutorial.compare.Sample;
import tutorial.compare.Scrape;

/**
 * The histograms and summaries chapters: the duration of each call to the repository API, failed
 * calls included. What depends on latency (which bucket, the sum) is not judged, so that a running
 * service on the real API is judged as the compiled exercise is.
 */
final class DurationChecks {

  /** Two repositories the API knows and one it does not: a failed call, still to be timed. */
  static final List<String> CALLS =
      List.of(
          "/repos/prometheus/prometheus",
          "/repos/prometheus/client_java",
          "/repos/prometheus/" + RepositoryApi.MISSING);

  private static final List<String> TYPED =
      List.of(
          "/repos/prometheus/prometheus",
          "prometheus/prometheus",
          "client_java",
          "prometheus/client_java",
          RepositoryApi.MISSING);

  static final Family HISTOGRAM =
      Shapes.expected("histograms/before-calls", "request_duration_seconds");
  static final Family TUTORIAL_BUCKETS =
      Shapes.expected("histograms/after-three-calls.tutorial-buckets", "request_duration_seconds");
  static final Family SUMMARY =
      Shapes.expected("summaries/before-calls", "request_processing_seconds");

  private static final String DECLARE_HISTOGRAM =
      "Histogram.builder().name(\"request_duration_seconds\").help(\"Time taken to process a"
          + " request\").labelNames(\"method\", \"endpoint\").classicUpperBounds(PYTHON_DEFAULT_BUCKETS)"
          + ".register(registry)";
  private static final String DECLARE_BUCKETS =
      ".classicUpperBounds(.1, .2, .3, .4, .5, .6, .7, .8, .9, 1)";
  private static final String DECLARE_SUMMARY =
      "Summary.builder().name(\"request_processing_seconds\").help(\"Time spent processing"
          + " request\").labelNames(\"method\", \"endpoint\").register(registry)";
  static final String TIME_HISTOGRAM =
      "try (Timer timer = reposDuration.startTimer()) { ctx.json(github.repository(repos)); }";
  static final String TIME_SUMMARY = TIME_HISTOGRAM.replace("reposDuration", "reposProcessing");

  private static final String BUCKETS_ARE = "Buckets are ";

  private DurationChecks() {}

  /** The histogram and its one series, at zero before any call, in the Python client's buckets. */
  static void histogramDeclared(Probe probe) throws Fault {
    declared(probe, HISTOGRAM, Steps.DEFINE_HISTOGRAM, DECLARE_HISTOGRAM);
  }

  /**
   * A running service, judged by the chapter: its histogram in either of the tutorial's two
   * layouts, the Python client's defaults of its first histogram or its own of the second.
   */
  static void histogramInEitherLayout(Probe probe) throws Fault {
    try {
      histogramDeclared(probe);
    } catch (Fault pythonLayout) {
      if (!pythonLayout.reason().startsWith(BUCKETS_ARE)) {
        throw pythonLayout;
      }
      try {
        tutorialBuckets(probe);
      } catch (Fault ownLayout) {
        if (!ownLayout.reason().startsWith(BUCKETS_ARE)) {
          throw ownLayout;
        }
        throw new Fault(
            ownLayout
                .reason()
                .replace(
                    "; the tutorial's are ",
                    "; the tutorial's are either the Python client's defaults or its own, "),
            Steps.DEFINE_HISTOGRAM,
            DECLARE_HISTOGRAM);
      }
    }
  }

  /** The histogram in the tutorial's own buckets. */
  static void tutorialBuckets(Probe probe) throws Fault {
    declared(probe, TUTORIAL_BUCKETS, Steps.OWN_BUCKETS, DECLARE_BUCKETS);
  }

  static void summaryDeclared(Probe probe) throws Fault {
    declared(probe, SUMMARY, Steps.DEFINE_SUMMARY, DECLARE_SUMMARY);
  }

  private static void declared(Probe probe, Family expected, String step, String call)
      throws Fault {
    Scrape scrape = probe.scrape(Format.text);
    Family actual;
    try {
      actual = Shapes.judge(scrape, expected, step, call);
    } catch (Fault fault) {
      if (Shapes.find(scrape, expected.key()) == null && expected.type().equals("histogram")) {
        throw new Fault(
            fault.reason()
                + " Its series for GET /repos appears once it is looked up:"
                + " histogram.labelValues(\"GET\", \"/repos\")",
            fault.step(),
            fault.call());
      }
      throw fault;
    }
    if (expected.type().equals("histogram")) {
      judgeBuckets(actual, expected, step, call);
    } else {
      TreeSet<String> quantiles = bounds(actual, "quantile");
      if (!quantiles.equals(bounds(expected, "quantile"))) {
        throw new Fault(
            "`"
                + actual.key()
                + "` has quantiles "
                + String.join(", ", quantiles)
                + "; the tutorial's summary has none: its count and sum are what Prometheus adds"
                + " up across instances",
            step,
            call);
      }
    }
  }

  private static void judgeBuckets(Family actual, Family expected, String step, String call)
      throws Fault {
    TreeSet<String> buckets = bounds(actual, "le");
    TreeSet<String> wanted = bounds(expected, "le");
    if (buckets.equals(wanted)) {
      return;
    }
    String which = BUCKETS_ARE + Buckets.nameOf(buckets).orElse(Buckets.describe(buckets));
    throw new Fault(
        which + "; the tutorial's are " + Buckets.nameOf(wanted).orElse(Buckets.describe(wanted)),
        step,
        step.equals(Steps.OWN_BUCKETS) ? DECLARE_BUCKETS : call);
  }

  /**
   * Three calls, one of them failing upstream: the count and the {@code +Inf} bucket move by
   * exactly three, and no series takes a repository's name.
   */
  static void timed(Probe probe, Family expected, String step, String call) throws Fault {
    Map<String, String> series = seriesLabels(expected);
    String prefix = expected.key();
    String countName = prefix + "_count";
    Scrape before = probe.scrape(Format.text);
    int failed = 0;
    for (String path : CALLS) {
      Probe.Answer answer = probe.get(path);
      if (answer.status() >= 500) {
        throw Fault.of("GET " + path + " answered " + answer.status() + ": " + answer.firstLine());
      }
      failed += answer.status() == 200 ? 0 : 1;
    }
    Scrape after = probe.scrape(Format.text);
    long count =
        Math.round(
            Shapes.value(after, countName, series) - Shapes.value(before, countName, series));
    Requests.noSeriesFrom(after, TYPED, step, call);
    if (count != CALLS.size()) {
      String calls = "After " + CALLS.size() + " calls";
      String reason;
      if (count == 0) {
        reason = calls + " `" + countName + "` did not move: time each call to the API";
      } else if (count == CALLS.size() - failed) {
        reason =
            calls
                + ", "
                + failed
                + " of them failing upstream (404), `"
                + countName
                + "` moved by "
                + count
                + ": the failed call was not timed; a Timer in a"
                + " try-with-resources times it too";
      } else if (count == 2L * CALLS.size()) {
        reason = calls + " `" + countName + "` moved by " + count + ": each call is timed twice";
      } else {
        reason =
            calls + " `" + countName + "` moved by " + count + "; each call is one observation";
      }
      throw new Fault(reason, step, call);
    }
    if (expected.type().equals("histogram")) {
      Map<String, String> inf = new TreeMap<>(series);
      inf.put("le", "+Inf");
      long top =
          Math.round(
              Shapes.value(after, prefix + "_bucket", inf)
                  - Shapes.value(before, prefix + "_bucket", inf));
      if (top != count) {
        throw new Fault(
            "After "
                + CALLS.size()
                + " calls the +Inf bucket moved by "
                + top
                + ", the count by "
                + count
                + ": every observation lands in +Inf",
            step,
            call);
      }
    }
  }

  /** The labels of the expected family's one series, without its bounds. */
  private static Map<String, String> seriesLabels(Family expected) {
    Sample first = expected.samples().get(0);
    return first.labels().entrySet().stream()
        .filter(e -> !e.getKey().equals("le") && !e.getKey().equals("quantile"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static TreeSet<String> bounds(Family family, String label) {
    return family.samples().stream()
        .map(s -> s.labels().get(label))
        .filter(v -> v != null)
        .collect(Collectors.toCollection(() -> new TreeSet<>(Buckets.BY_VALUE)));
  }
}
