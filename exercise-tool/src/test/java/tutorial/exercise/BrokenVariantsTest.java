package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A learner's mistakes, each made on purpose in a finished exercise, each answered with its own
 * reason and pointing at its own step: at least three per chapter.
 */
class BrokenVariantsTest {

  /** A finished exercise broken by {@code edits} (old, new, old, new, ...). */
  record Variant(String exercise, String mistake, List<String> edits, String reason, String step) {
    @Override
    public String toString() {
      return exercise + ": " + mistake;
    }
  }

  private final Checker checker = SharedChecker.get();

  @TempDir Path folder;

  static Stream<Variant> variants() {
    return Stream.of(
        // counters
        new Variant(
            "counters-count",
            "counting twice",
            List.of("    homeCounter.inc();\n", "    homeCounter.inc();\n    homeCounter.inc();\n"),
            "After 2 visits the home counter reads 4 more: inc() runs twice per request",
            Steps.INCREMENT_COUNTERS),
        new Variant(
            "counters-count",
            "each page counting the other's visits",
            List.of(
                "    homeCounter.inc();\n", "    aboutCounter.inc();\n",
                "    aboutCounter.inc();\n    ctx.html(\"<h1>Welcome to the About",
                    "    homeCounter.inc();\n    ctx.html(\"<h1>Welcome to the About"),
            "the counters are swapped",
            Steps.INCREMENT_COUNTERS),
        new Variant(
            "counters-declare",
            "not registered with the registry /metrics serves",
            List.of(
                "            .help(\"Number of visits to the home page\")\n            .register(registry);",
                "            .help(\"Number of visits to the home page\")\n"
                    + "            .register(new PrometheusRegistry());"),
            "`home_page_visits_total` is missing: was the counter registered with the registry"
                + " that /metrics serves?",
            Steps.DEFINE_COUNTERS),
        new Variant(
            "counters-declare",
            "another help text",
            List.of(
                "\"Number of visits to the about page\")\n            .register",
                "\"About visits\")\n            .register"),
            "`about_page_visits_total`'s help is \"About visits\"; the tutorial's is \"Number of"
                + " visits to the about page\"",
            Steps.DEFINE_COUNTERS),
        new Variant(
            "counters-serve",
            "/metrics serving another registry",
            List.of(
                "MetricsEndpoint.handler(registry)",
                "MetricsEndpoint.handler(new PrometheusRegistry())"),
            "`home_page_visits_total` is missing",
            Steps.DEFINE_COUNTERS),
        // gauges
        new Variant(
            "gauges-label",
            "a counter where a gauge belongs",
            List.of(
                "  private final Gauge listSizeGauge;", "  private final Counter listSizeGauge;",
                "        Gauge.builder()", "        Counter.builder()",
                "listSizeGauge.labelValues(\"my_list\").set(myList.size());",
                    "listSizeGauge.labelValues(\"my_list\").inc();",
                "import io.prometheus.metrics.core.metrics.Gauge;",
                    "import io.prometheus.metrics.core.metrics.Counter;"),
            "`list_size_total` is a counter; the tutorial's is a gauge: a gauge goes down as well as up",
            Steps.DEFINE_GAUGE),
        new Variant(
            "gauges-label",
            "the label's value from the number typed",
            List.of("labelValues(\"my_list\")", "labelValues(String.valueOf(num))"),
            "Label `list` of `list_size` took the value \"",
            Steps.SET_GAUGE_ON_ADD),
        new Variant(
            "gauges-label",
            "set to the number, not the size",
            List.of("set(myList.size())", "set(num)"),
            "moved by 87 and reads 87: set it to the list's size, not to the number",
            Steps.SET_GAUGE_ON_ADD),
        new Variant(
            "gauges-label",
            "another label name",
            List.of(".labelNames(\"list\")", ".labelNames(\"name\")"),
            "`list_size` has label name; the tutorial's has label list",
            Steps.DEFINE_GAUGE),
        new Variant(
            "gauges-down",
            "up on a remove",
            List.of(
                "      }\n      listSizeGauge.labelValues(\"my_list\").set(myList.size());",
                "      }\n      listSizeGauge.labelValues(\"my_list\").inc();"),
            "After removing 5, `list_size` moved by 1: a gauge goes down as well as up",
            Steps.SET_GAUGE_ON_REMOVE),
        // histograms
        new Variant(
            "histograms-buckets",
            "client_java's default buckets",
            List.of("            .classicUpperBounds(.1, .2, .3, .4, .5, .6, .7, .8, .9, 1)\n", ""),
            "Buckets are client_java's defaults; the tutorial's are 0.1 … 1.0",
            Steps.OWN_BUCKETS),
        new Variant(
            "histograms-time",
            "timing only the calls that succeed",
            List.of(
                "    try (Timer timer = reposDuration.startTimer()) {\n"
                    + "      ctx.json(github.repository(repos));\n    }\n",
                "    Timer timer = reposDuration.startTimer();\n"
                    + "    ctx.json(github.repository(repos));\n    timer.observeDuration();\n"),
            "1 of them failing upstream (404), `request_duration_seconds_count` moved by 2: the"
                + " failed call was not timed",
            Steps.TIME_CALL),
        new Variant(
            "histograms-time",
            "the path a user typed as the endpoint",
            List.of(
                "try (Timer timer = reposDuration.startTimer())",
                "try (Timer timer = histogram.labelValues(\"GET\", ctx.path()).startTimer())"),
            "Label `endpoint` of `request_duration_seconds` took the value"
                + " \"/repos/prometheus/prometheus\", which a user typed",
            Steps.TIME_CALL),
        new Variant(
            "histograms-time",
            "each call timed twice",
            List.of(
                "    try (Timer timer = reposDuration.startTimer()) {\n",
                "    try (Timer timer = reposDuration.startTimer()) {\n"
                    + "      reposDuration.observe(0.001);\n"),
            "moved by 6: each call is timed twice",
            Steps.TIME_CALL),
        new Variant(
            "histograms-declare",
            "one label short",
            List.of(
                ".labelNames(\"method\", \"endpoint\")",
                ".labelNames(\"endpoint\")",
                "histogram.labelValues(\"GET\", \"/repos\")",
                "histogram.labelValues(\"/repos\")"),
            "`request_duration_seconds` has label endpoint; the tutorial's has labels endpoint,"
                + " method",
            Steps.DEFINE_HISTOGRAM),
        // summaries
        new Variant(
            "summaries-time",
            "a histogram where a summary belongs",
            List.of(
                "  private final Summary summary;",
                    "  private final io.prometheus.metrics.core.metrics.Histogram summary;",
                "        Summary.builder()",
                    "        io.prometheus.metrics.core.metrics.Histogram.builder()"),
            "`request_processing_seconds` is a histogram; the tutorial's is a summary",
            Steps.DEFINE_SUMMARY),
        new Variant(
            "summaries-time",
            "the method in upper case",
            List.of(
                "summary.labelValues(\"get\", \"/repos\")",
                "summary.labelValues(\"GET\", \"/repos\")"),
            "`request_processing_seconds` has no series {endpoint=\"/repos\",method=\"get\"}; it has"
                + " {endpoint=\"/repos\",method=\"GET\"}",
            Steps.DEFINE_SUMMARY),
        new Variant(
            "summaries-time",
            "quantiles the tutorial's summary has not",
            List.of(
                "            .labelNames(\"method\", \"endpoint\")\n",
                "            .labelNames(\"method\", \"endpoint\")\n            .quantile(0.5, 0.01)\n"),
            "`request_processing_seconds` has quantiles 0.5; the tutorial's summary has none",
            Steps.DEFINE_SUMMARY),
        new Variant(
            "summaries-time",
            "timing only the calls that succeed",
            List.of(
                "    try (Timer timer = reposProcessing.startTimer()) {\n"
                    + "      ctx.json(github.repository(repos));\n    }\n",
                "    Timer timer = reposProcessing.startTimer();\n"
                    + "    ctx.json(github.repository(repos));\n    timer.observeDuration();\n"),
            "the failed call was not timed",
            Steps.TIME_CALL),
        // custom metrics
        new Variant(
            "custom-state",
            "two states set",
            List.of("    if (current != null) {\n      state.setFalse(current);\n    }\n", ""),
            "Two states of `application_state` are set after POST /state/stopped: running and stopped",
            Steps.SET_ONE_STATE),
        new Variant(
            "custom-state",
            "no state set at start",
            List.of("    // Set the state to 'running'\n    setState(\"running\");\n", ""),
            "No state of `application_state` is set at start: set exactly one",
            Steps.SET_ONE_STATE),
        new Variant(
            "custom-info",
            "a gauge where an Info belongs",
            List.of(
                "  private final Info info;",
                    "  private final io.prometheus.metrics.core.metrics.Gauge info;",
                "        Info.builder()",
                    "        io.prometheus.metrics.core.metrics.Gauge.builder()",
                "    info.setLabelValues(\"1.0\", \"John Doe\");",
                    "    info.labelValues(\"1.0\", \"John Doe\").set(1);"),
            "`application_info` is a gauge; the tutorial's is an info",
            Steps.DEFINE_INFO),
        new Variant(
            "custom-info",
            "another author",
            List.of(
                "setLabelValues(\"1.0\", \"John Doe\")", "setLabelValues(\"1.0\", \"Jane Doe\")"),
            "`application_info` has no series {author=\"John Doe\",version=\"1.0\"}; it has"
                + " {author=\"Jane Doe\",version=\"1.0\"}",
            Steps.DEFINE_INFO),
        // beyond
        new Variant(
            "labels-route",
            "one fixed endpoint for every route",
            List.of("ctx.endpoint().path", "\"/add\""),
            "moved by {/add=4}; each request counts once, under its route template",
            Steps.LABEL_BY_ROUTE),
        new Variant(
            "exemplars-trace",
            "another exemplar label",
            List.of("Labels.of(\"trace_id\", traceId)", "Labels.of(\"traceId\", traceId)"),
            "The exemplar's labels are [traceId]; Prometheus and Grafana look for `trace_id`",
            Steps.ATTACH_EXEMPLAR),
        new Variant(
            "exemplars-trace",
            "a trace id that is not the call's",
            List.of(
                "Labels.of(\"trace_id\", traceId)",
                "Labels.of(\"trace_id\", \"0123456789abcdef\")"),
            "The exemplar's trace_id is \"0123456789abcdef\", not the call's",
            Steps.ATTACH_EXEMPLAR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void eachMistakeHasItsOwnReason(Variant variant) {
    Exercise exercise = Fixes.named(variant.exercise());
    String text = Fixes.broken(exercise, variant.edits());
    Workspace workspace = Fixes.workspaceWith(folder, exercise, text);

    Verdict verdict = checker.checkFile(exercise, workspace);

    assertThat(verdict.done()).as("a verdict for " + variant).isFalse();
    assertThat(verdict.fault().reason()).as(verdict.render()).contains(variant.reason());
    assertThat(verdict.fault().step()).as(verdict.render()).isEqualTo(variant.step());
  }
}
