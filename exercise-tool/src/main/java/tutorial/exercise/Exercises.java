package tutorial.exercise;

import java.util.List;
import java.util.Optional;

/** The exercises, in the tutorial's order, then two beyond it. */
final class Exercises {

  static final List<String> CHAPTERS =
      List.of("counters", "gauges", "histograms", "summaries", "custom-metrics", "beyond");

  private static final String COUNTERS = "tutorial.counters.CountersApp";
  private static final String GAUGES = "tutorial.gauges.GaugesApp";
  private static final String HISTOGRAMS = "tutorial.histograms.HistogramsApp";
  private static final String SUMMARIES = "tutorial.summaries.SummariesApp";
  private static final String CUSTOM = "tutorial.custommetrics.CustomMetricsApp";

  private static final List<Exercise> ALL =
      List.of(
          new Exercise(
              "counters-declare",
              "counters",
              "CountersApp.java",
              "Declare the two counters, one per page, registered where /metrics reads.",
              """
              The tutorial's using_counters.py defines Counter('home_page_visits', 'Number of visits \
              to the home page') and one for the about page. In client_java a counter is built and \
              registered in one go:
                  homeCounter = Counter.builder().name("home_page_visits")
                      .help("Number of visits to the home page").register(registry);
              Use the registry the constructor is given: it is the one /metrics serves. The scrape \
              shows home_page_visits_total: the _total is added for you.""",
              CountersChecks::declared,
              COUNTERS,
              List.of()),
          new Exercise(
              "counters-count",
              "counters",
              "CountersApp.java",
              "Count each visit: one inc() per request, each page on its own counter.",
              """
              Each route increments its own counter once per request: homeCounter.inc() in home(), \
              aboutCounter.inc() in about(). The check visits / twice and /about once, and expects \
              the counters to move by exactly that.""",
              CountersChecks::counted,
              COUNTERS,
              List.of()),
          new Exercise(
              "counters-serve",
              "counters",
              "CountersApp.java",
              "Serve /metrics, so that Prometheus can scrape the counters.",
              """
              The tutorial's @app.route('/metrics') returns generate_latest(). Here one route does \
              it, with client_java's own scrape handler, which also speaks OpenMetrics and protobuf:
                  routes.get("/metrics", MetricsEndpoint.handler(registry));""",
              CountersChecks::counted,
              COUNTERS,
              List.of()),
          new Exercise(
              "gauges-label",
              "gauges",
              "GaugesApp.java",
              "A gauge list_size with the label list, set to the list's size on every add.",
              """
              A gauge is a value that goes up and down. Declare it with its label name:
                  Gauge.builder().name("list_size").help("Size of a list").labelNames("list")
                      .register(registry)
              then, after each add, set the series of my_list to the list's size:
                  listSizeGauge.labelValues("my_list").set(myList.size());
              The label's value is fixed ("my_list"): never the number the user typed.""",
              GaugesChecks::upOnAdd,
              GAUGES,
              List.of()),
          new Exercise(
              "gauges-down",
              "gauges",
              "GaugesApp.java",
              "Bring the gauge down again when a number is removed.",
              """
              This is what a counter cannot do. After removing the number, set the gauge to the \
              list's new size, as add() does: listSizeGauge.labelValues("my_list").set(myList.size()).""",
              Check.of(GaugesChecks::upOnAdd).then(GaugesChecks::downOnRemove),
              GAUGES,
              List.of()),
          new Exercise(
              "histograms-declare",
              "histograms",
              "HistogramsApp.java",
              "Declare request_duration_seconds with its labels method and endpoint.",
              """
              Histogram.builder().name("request_duration_seconds").help("Time taken to process a \
              request").labelNames("method", "endpoint").classicUpperBounds(PYTHON_DEFAULT_BUCKETS) \
              .register(registry), then look its one series up once: \
              reposDuration = histogram.labelValues("GET", "/repos"). The Python client's default \
              buckets differ from client_java's, so the file gives them to you.""",
              DurationChecks::histogramDeclared,
              HISTOGRAMS,
              List.of()),
          new Exercise(
              "histograms-time",
              "histograms",
              "HistogramsApp.java",
              "Time each call to the repository API, the failed ones too.",
              """
              The tutorial's with histogram.labels(...).time(): is a Timer in a try-with-resources:
                  try (Timer timer = reposDuration.startTimer()) {
                    ctx.json(github.repository(repos));
                  }
              It observes the duration when the block ends, also when the call throws (a missing \
              repository is a 404): the check makes one such call and counts it.""",
              Check.of(DurationChecks::histogramDeclared)
                  .then(
                      p ->
                          DurationChecks.timed(
                              p,
                              DurationChecks.HISTOGRAM,
                              Steps.TIME_CALL,
                              DurationChecks.TIME_HISTOGRAM)),
              HISTOGRAMS,
              List.of()),
          new Exercise(
              "histograms-buckets",
              "histograms",
              "HistogramsApp.java",
              "Use the tutorial's own buckets, .1 to 1 by .1.",
              """
              The tutorial's second histogram passes buckets=(.1, .2, ..., 1, INF). In client_java:
                  .classicUpperBounds(.1, .2, .3, .4, .5, .6, .7, .8, .9, 1)
              +Inf is always added.""",
              Check.of(DurationChecks::tutorialBuckets)
                  .then(
                      p ->
                          DurationChecks.timed(
                              p,
                              DurationChecks.TUTORIAL_BUCKETS,
                              Steps.TIME_CALL,
                              DurationChecks.TIME_HISTOGRAM)),
              HISTOGRAMS,
              List.of("--buckets=tutorial")),
          new Exercise(
              "summaries-time",
              "summaries",
              "SummariesApp.java",
              "A summary request_processing_seconds timing the same call.",
              """
              Summary.builder().name("request_processing_seconds").help("Time spent processing \
              request").labelNames("method", "endpoint").register(registry); its series is \
              labelValues("get", "/repos") (the tutorial's summary says get, in lower case). Time \
              the call as the histogram does, with startTimer() in a try-with-resources. A summary \
              has a count and a sum and, unlike a histogram, no buckets.""",
              Check.of(DurationChecks::summaryDeclared)
                  .then(
                      p ->
                          DurationChecks.timed(
                              p,
                              DurationChecks.SUMMARY,
                              Steps.TIME_CALL,
                              DurationChecks.TIME_SUMMARY)),
              SUMMARIES,
              List.of()),
          new Exercise(
              "custom-info",
              "custom-metrics",
              "CustomMetricsApp.java",
              "An Info application_info with the version and the author.",
              """
              Info.builder().name("application_info").help("Application information") \
              .labelNames("version", "author").register(registry), then \
              info.setLabelValues("1.0", "John Doe"). client_java writes it as application_info; \
              the Python client adds _info to the name it is given, hence the tutorial's \
              application_info_info.""",
              CustomMetricsChecks::info,
              CUSTOM,
              List.of()),
          new Exercise(
              "custom-state",
              "custom-metrics",
              "CustomMetricsApp.java",
              "An Enum, a StateSet in client_java, with exactly one state set at any time.",
              """
              StateSet.builder().name("application_state").help("Application state") \
              .states("loading", "missing", "running", "stopped").register(registry). A StateSet \
              is a set of flags: Python's Enum.state() clears the other states, client_java's \
              setTrue(state) does not. So set the new state true and the old one false.""",
              CustomMetricsChecks::oneState,
              CUSTOM,
              List.of()),
          new Exercise(
              "labels-route",
              "beyond",
              "RouteLabelsApp.java",
              "Label the request counter by route template, never by the path a user typed.",
              """
              ctx.path() is what the user typed: /add/1, /add/2, ... each a new series, without \
              end. ctx.endpoint().path is the route's template, /add/{num}: one series per route, \
              however many numbers are typed.""",
              BeyondChecks::labelledByRoute,
              "tutorial.exercise.solutions.RouteLabelsApp",
              List.of()),
          new Exercise(
              "exemplars-trace",
              "beyond",
              "ExemplarsApp.java",
              "Attach each call's trace id to its duration as an exemplar.",
              """
              An exemplar is one observation's labels beside a bucket, shown in OpenMetrics: \
              # {trace_id="..."} 0.25. Observe the duration with the call's trace id:
                  reposDuration.observeWithExemplar(seconds, Labels.of("trace_id", traceId));
              trace_id is the name Prometheus and Grafana look for.""",
              BeyondChecks::exemplar,
              "tutorial.exercise.solutions.ExemplarsApp",
              List.of()));

  private Exercises() {}

  static List<Exercise> all() {
    return ALL;
  }

  static Optional<Exercise> named(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The exercises {@code name} stands for: one exercise, or a whole chapter's; empty if none. */
  static List<Exercise> select(String name) {
    if (CHAPTERS.contains(name)) {
      return ALL.stream().filter(e -> e.chapter().equals(name)).toList();
    }
    return named(name).map(List::of).orElse(List.of());
  }

  /**
   * A running service judged by a whole chapter: the chapter's finished state, as one check. The
   * histograms chapter ends in either of its two bucket layouts; the two exercises beyond the
   * tutorial are two apps, so "beyond" is no chapter to judge one service by.
   */
  static Optional<Exercise> chapterCheck(String chapter) {
    Check check =
        switch (chapter) {
          case "counters" -> CountersChecks::counted;
          case "gauges" -> Check.of(GaugesChecks::upOnAdd).then(GaugesChecks::downOnRemove);
          case "histograms" ->
              Check.of(DurationChecks::histogramInEitherLayout)
                  .then(
                      p ->
                          DurationChecks.timed(
                              p,
                              DurationChecks.HISTOGRAM,
                              Steps.TIME_CALL,
                              DurationChecks.TIME_HISTOGRAM));
          case "summaries" -> named("summaries-time").orElseThrow().check();
          case "custom-metrics" ->
              Check.of(CustomMetricsChecks::info).then(CustomMetricsChecks::oneState);
          default -> null;
        };
    return Optional.ofNullable(check)
        .map(
            c ->
                new Exercise(
                    chapter,
                    chapter,
                    null,
                    "the chapter's finished state",
                    null,
                    c,
                    null,
                    List.of()));
  }

  static int indexOf(Exercise exercise) {
    return ALL.indexOf(exercise);
  }
}
