package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static tutorial.e2e.RepositoryApi.fastSeconds;
import static tutorial.e2e.RepositoryApi.slowSeconds;
import static tutorial.e2e.Scrapes.number;
import static tutorial.e2e.Services.address;
import static tutorial.e2e.Services.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.counters.CountersApp;
import tutorial.custommetrics.CustomMetricsApp;
import tutorial.gauges.GaugesApp;
import tutorial.histograms.Buckets;
import tutorial.histograms.HistogramsApp;
import tutorial.summaries.Quantiles;
import tutorial.summaries.SummariesApp;
import tutorial.testkit.Ports;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * The tutorial's last step made real: a Prometheus server scrapes the services every second, with
 * the shipped recording and alerting rules loaded, and each chapter's PromQL is asked through its
 * HTTP API. The jobs are those of prometheus/prometheus.yml; histograms and summaries run as three
 * instances each, as a service behind a load balancer would, to show what aggregates and what does
 * not. The {@code tutorial} job's single service is not started, so its target is down.
 */
class TutorialQueriesIT {

  // the tutorial's three repositories; the stand-in answers the first two fast, the third slowly
  private static final String PROMETHEUS = "prometheus/prometheus";
  private static final String KAFKA = "apache/kafka";
  private static final String MOBY = "moby/moby";

  /** Requests per instance: the tutorial's calls, repeated; which ones are slow is known. */
  private static final Map<String, List<String>> TRAFFIC =
      Map.of(
          // like the tutorial's calls: 8 fast (150 ms) and 2 slow (550 ms) answers
          "a", repeat(2, PROMETHEUS, KAFKA, PROMETHEUS, KAFKA, MOBY),
          // 10 fast answers
          "b", repeat(5, PROMETHEUS, KAFKA),
          // 10 slow answers
          "c", repeat(10, MOBY));

  /**
   * What a request may take beyond its upstream latency: our own handling, about 10-20 ms here with
   * six services busy at once on two cores.
   */
  private static final double HANDLING = 0.1;

  private static final StartedResources started = new StartedResources();
  private static final Map<String, RunningService> histograms = new LinkedHashMap<>();
  private static final Map<String, RunningService> summaries = new LinkedHashMap<>();
  private static RunningService counters;
  private static RunningService gauges;
  private static RunningService customMetrics;
  private static String notStarted;
  private static PrometheusServer prometheus;

  /** Why this machine cannot run these tests (no Prometheus), or empty. */
  private static Optional<String> skip = Optional.empty();

  @BeforeAll
  static void startServicesAndPrometheus() throws Exception {
    skip =
        ExternalBinaries.missing(
            ExternalBinaries.Binary.PROMETHEUS); // in CI, a missing Prometheus fails here
    if (skip.isPresent()) {
      return;
    }
    RepositoryApi github = started.add(RepositoryApi.start());
    started.expectFreed(github.port());
    Services.warmUp(github);

    counters = Services.start(started, CountersApp::new);
    gauges = Services.start(started, GaugesApp::new);
    customMetrics = Services.start(started, CustomMetricsApp::new);
    for (String instance : List.of("a", "b", "c")) {
      histograms.put(
          instance,
          Services.start(
              started,
              registry ->
                  new HistogramsApp(
                      registry,
                      github.client(),
                      TestSettings.parse(new Buckets(), "--buckets=python"))));
      // with the 0.5, 0.9 and 0.99 quantiles the Python client cannot compute
      summaries.put(
          instance,
          Services.start(
              started,
              registry ->
                  new SummariesApp(
                      registry,
                      github.client(),
                      TestSettings.parse(new Quantiles(), "--quantiles=true"))));
    }
    notStarted = "127.0.0.1:" + Ports.free();

    ScrapeConfig config =
        new ScrapeConfig()
            .ruleFile(PrometheusFolder.RECORDING_RULES)
            .ruleFile(PrometheusFolder.ALERTING_RULES)
            .jobWithoutService("tutorial", notStarted)
            .job("counters", address(counters))
            .job("gauges", address(gauges))
            .job("histograms", addresses(histograms))
            .job("summaries", addresses(summaries))
            .job("custom-metrics", address(customMetrics));
    prometheus = started.add(PrometheusServer.start("tutorial", config));
    started.expectFreed(prometheus.port());

    // Only now, after Prometheus has seen every counter at 0: rate() then extrapolates all the
    // buckets of an instance alike, and their ratios are exactly the ratios of the requests.
    callTheRepositories();
  }

  @AfterAll
  static void stopEverything() {
    started.close();
  }

  @BeforeEach
  void skipWithoutPrometheus() {
    assumeTrue(skip.isEmpty(), skip::get);
  }

  /** Every instance makes its calls one after another; the six instances run side by side. */
  private static void callTheRepositories() throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (Map<String, RunningService> job : List.of(histograms, summaries)) {
        job.forEach(
            (instance, service) ->
                calls.add(
                    pool.submit(
                        () ->
                            TRAFFIC
                                .get(instance)
                                .forEach(repo -> assertOk(service.get("/repos/" + repo))))));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      pool.shutdownNow();
    }
    prometheus.awaitValue("sum(request_duration_seconds_count{job=\"histograms\"})", 30);
    prometheus.awaitValue("sum(request_processing_seconds_count{job=\"summaries\"})", 30);
  }

  @Test
  void everyServiceIsUp() {
    List<PromqlSample> up =
        prometheus.await(
            "up{job!=\"tutorial\"}",
            answer -> answer.size() == 9 && answer.stream().allMatch(s -> s.value() == 1),
            "1 for all 9 instances");

    assertThat(
            up.stream().collect(Collectors.groupingBy(s -> s.label("job"), Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "counters",
                1L,
                "gauges",
                1L,
                "histograms",
                3L,
                "summaries",
                3L,
                "custom-metrics",
                1L));
    // the tutorial's own service was never started: its scrape fails
    prometheus.awaitValue("up{job=\"tutorial\"}", 0);
  }

  @Test
  void countersChapter_visitsAreCountedAndRated() {
    // curl localhost:5000/ five times, curl localhost:5000/about twice
    for (int i = 0; i < 5; i++) {
      assertThat(assertOk(counters.get("/")).text()).isEqualTo("<h1>Welcome to the Home Page</h1>");
    }
    for (int i = 0; i < 2; i++) {
      assertOk(counters.get("/about"));
    }

    prometheus.awaitValue("home_page_visits_total{job=\"counters\"}", 5);
    prometheus.awaitValue("about_page_visits_total{job=\"counters\"}", 2);

    // Evaluated at the time of the last scrape, with the first scrape (at 0) inside the window,
    // rate() extrapolates nothing: increase() is the number of requests made, rate() that number
    // over the window's 300 seconds.
    String lastScrape =
        prometheus.query("timestamp(home_page_visits_total{job=\"counters\"})").get(0).rawValue();
    double increase = valueAt("increase(home_page_visits_total{job=\"counters\"}[5m])", lastScrape);
    double rate = valueAt("rate(home_page_visits_total{job=\"counters\"}[5m])", lastScrape);
    assertThat(increase).isEqualTo(5.0);
    assertThat(rate).isCloseTo(5.0 / 300, within(1e-12));

    // the shipped recording rule, per job
    prometheus.awaitValue("job:home_page_visits:rate5m{job=\"counters\"}", v -> v > 0, "> 0");
  }

  @Test
  void gaugesChapter_theListGrowsToFourAndShrinksToThree() {
    for (int num : new int[] {5, 10, 21, 87}) {
      assertThat(assertOk(gauges.get("/add/" + num)).text())
          .isEqualTo("Added " + num + " to my_list");
    }
    prometheus.awaitValue("list_size{job=\"gauges\",list=\"my_list\"}", 4);

    assertOk(gauges.get("/remove/5"));
    prometheus.awaitValue("list_size{job=\"gauges\",list=\"my_list\"}", 3);

    // a gauge goes up and down: Prometheus kept each value it scraped
    prometheus.awaitValue("max_over_time(list_size{job=\"gauges\"}[5m])", 4);
    prometheus.awaitValue("min_over_time(list_size{job=\"gauges\"}[5m])", 0);
  }

  @Test
  void histogramsChapter_theTutorialsQueryGivesEachInstancesP90() {
    // Where the requests landed: instance a 8 of 10 within 0.25 s, b all 10, c none; all within
    // 0.75 s. Everything below follows from these counts.
    assertBuckets("0.25", Map.of("a", 8.0, "b", 10.0, "c", 0.0));
    assertBuckets("0.5", Map.of("a", 8.0, "b", 10.0, "c", 0.0));
    assertBuckets("0.75", Map.of("a", 10.0, "b", 10.0, "c", 10.0));

    // histogram_quantile(0.9, rate(request_duration_seconds_bucket{job="python-app-server1"}[10m]))
    Map<String, Double> p90 =
        byInstance(
            prometheus.await(
                "histogram_quantile(0.9,"
                    + " rate(request_duration_seconds_bucket{job=\"histograms\"}[10m]))",
                answer -> answer.size() == 3,
                "one p90 per instance"),
            histograms);

    // a: the 9th of 10 requests is 1 of the 2 in (0.5, 0.75]: 0.5 + 0.25 * 1/2
    assertThat(p90.get("a")).isCloseTo(0.625, within(1e-9));
    // b: 9 of the 10 in (0.1, 0.25]: 0.1 + 0.15 * 9/10
    assertThat(p90.get("b")).isCloseTo(0.235, within(1e-9));
    // c: 9 of the 10 in (0.5, 0.75]: 0.5 + 0.25 * 9/10
    assertThat(p90.get("c")).isCloseTo(0.725, within(1e-9));
  }

  @Test
  void histogramsAggregateOverInstances_summaryQuantilesDoNot() {
    // The job's p90: add up the instances' buckets first, then take the quantile. 18 of the 30
    // requests took at most 0.25 s and all of them at most 0.75 s, so the 27th lies 9/12 into
    // (0.5, 0.75]: 0.6875. The instances were scraped at different moments, so their rates are
    // extrapolated slightly differently; hence "close to".
    double histogramP90 =
        prometheus.awaitValue(
            "histogram_quantile(0.9, sum by (le)"
                + " (rate(request_duration_seconds_bucket{job=\"histograms\"}[10m])))",
            v -> v > 0.5 && v <= 0.75,
            "in the bucket (0.5, 0.75]");
    assertThat(histogramP90).isCloseTo(0.6875, within(0.01));

    // The summaries computed their p90 inside each instance: a and c saw slow requests, b none.
    Map<String, Double> summaryP90 =
        byInstance(
            prometheus.await(
                "request_processing_seconds{job=\"summaries\",quantile=\"0.9\"}",
                answer -> answer.size() == 3,
                "one p90 per instance"),
            summaries);
    assertThat(summaryP90.get("a")).isBetween(slowSeconds(), slowSeconds() + HANDLING);
    assertThat(summaryP90.get("b")).isBetween(fastSeconds(), fastSeconds() + HANDLING);
    assertThat(summaryP90.get("c")).isBetween(slowSeconds(), slowSeconds() + HANDLING);

    // Quantiles cannot be added up, and their average is no quantile: it says 90% of requests
    // took at most about 0.42 s, a time that no request took: the histograms counted none in
    // (0.25, 0.5], while 12 of the 30 requests took 0.55 s or more.
    double averagedP90 =
        prometheus.awaitValue(
            "avg(request_processing_seconds{job=\"summaries\",quantile=\"0.9\"})",
            v -> v > 0,
            "> 0");
    assertThat(averagedP90).isGreaterThan(0.25).isLessThanOrEqualTo(0.5);
    prometheus.awaitValue(
        "sum(request_duration_seconds_bucket{job=\"histograms\",le=\"0.5\"})"
            + " - sum(request_duration_seconds_bucket{job=\"histograms\",le=\"0.25\"})",
        0);
  }

  @Test
  void summariesChapter_theMeanIsSumOverCount() {
    Map<String, Double> mean =
        byInstance(
            prometheus.await(
                "request_processing_seconds_sum{job=\"summaries\"}"
                    + " / request_processing_seconds_count{job=\"summaries\"}",
                answer -> answer.size() == 3,
                "one mean per instance"),
            summaries);

    // Prometheus divides exactly what the service exposed
    assertThat(mean.get("a")).isCloseTo(ownMean(summaries.get("a")), within(1e-12));
    // what the requests waited for the upstream, plus a little for our own handling;
    // a: (8 * 0.15 + 2 * 0.55) / 10 = 0.23
    double waitedA = (8 * fastSeconds() + 2 * slowSeconds()) / 10;
    assertThat(mean.get("a")).isBetween(waitedA, waitedA + HANDLING);
    assertThat(mean.get("b")).isBetween(fastSeconds(), fastSeconds() + HANDLING);
    assertThat(mean.get("c")).isBetween(slowSeconds(), slowSeconds() + HANDLING);

    // Unlike the quantiles, _sum and _count add up over instances: (2.3 + 1.5 + 5.5) / 30 = 0.31
    double waited = (18 * fastSeconds() + 12 * slowSeconds()) / 30;
    prometheus.awaitValue(
        "sum(rate(request_processing_seconds_sum{job=\"summaries\"}[10m]))"
            + " / sum(rate(request_processing_seconds_count{job=\"summaries\"}[10m]))",
        v -> v >= waited - 0.01 && v < waited + HANDLING,
        "about " + waited);
    // and so does the shipped recording rule
    prometheus.awaitValue(
        "job_endpoint:request_processing_seconds:mean_rate5m{job=\"summaries\",endpoint=\"/repos\"}",
        v -> v >= waited - 0.01 && v < waited + HANDLING,
        "about " + waited);
  }

  @Test
  void customMetricsChapter_theInfoIsJoinedOntoTheState() {
    List<PromqlSample> info =
        prometheus.await(
            "application_info{job=\"custom-metrics\"}", answer -> answer.size() == 1, "one series");
    assertThat(info.get(0).value()).isEqualTo(1.0);
    assertThat(info.get(0).labels())
        .containsEntry("version", "1.0")
        .containsEntry("author", "John Doe");

    // An Info metric is a series of value 1 that carries labels: multiplying by it copies them
    // onto another series of the same target (group_left), here the current state.
    List<PromqlSample> joined =
        prometheus.await(
            "(application_state{job=\"custom-metrics\"} == 1)"
                + " * on (job, instance) group_left (version, author) application_info",
            answer -> answer.size() == 1,
            "one series");
    assertThat(joined.get(0).labels())
        .containsEntry("application_state", "running")
        .containsEntry("version", "1.0")
        .containsEntry("author", "John Doe");
    assertThat(joined.get(0).value()).isEqualTo(1.0);
  }

  @Test
  void customMetricsChapter_theStateSetIsQueriedByState() {
    prometheus.awaitValue(
        "application_state{job=\"custom-metrics\",application_state=\"running\"}", 1);
    prometheus.awaitValue("count(application_state{job=\"custom-metrics\"} == 1)", 1);

    try {
      // curl -X POST localhost:5000/state/stopped
      assertOk(customMetrics.post("/state/stopped"));

      prometheus.awaitValue(
          "application_state{job=\"custom-metrics\",application_state=\"stopped\"}", 1);
      prometheus.awaitValue(
          "application_state{job=\"custom-metrics\",application_state=\"running\"}", 0);
      // still exactly one state true, as with Python's Enum
      prometheus.awaitValue("count(application_state{job=\"custom-metrics\"} == 1)", 1);
      // and the shipped alert has noticed (it fires after 1 minute)
      prometheus.await(
          "ALERTS{alertname=\"ApplicationNotRunning\",job=\"custom-metrics\"}",
          answer -> answer.size() == 1 && "pending".equals(answer.get(0).label("alertstate")),
          "pending");
    } finally {
      assertOk(customMetrics.post("/state/running"));
    }
    prometheus.awaitValue(
        "application_state{job=\"custom-metrics\",application_state=\"running\"}", 1);
  }

  @Test
  void everyShippedRuleEvaluatesWithoutError() {
    List<String> unhealthy = new ArrayList<>();
    long deadline = System.nanoTime() + PrometheusServer.AWAIT_TIMEOUT.toNanos();
    do {
      unhealthy.clear();
      for (JsonNode group : prometheus.ruleGroups()) {
        for (JsonNode rule : group.path("rules")) {
          if (!"ok".equals(rule.path("health").asText())) {
            unhealthy.add(
                rule.path("name").asText()
                    + ": "
                    + rule.path("health").asText()
                    + " "
                    + rule.path("lastError").asText());
          }
        }
      }
      if (!unhealthy.isEmpty()) {
        PrometheusServer.sleep(Duration.ofMillis(200));
      }
    } while (!unhealthy.isEmpty() && System.nanoTime() < deadline);
    assertThat(unhealthy).isEmpty();
    JsonNode groups = prometheus.ruleGroups();
    assertThat(groups)
        .extracting(g -> g.path("name").asText())
        .containsExactlyInAnyOrder("tutorial-recording", "tutorial-alerts");
    for (JsonNode group : groups) {
      System.out.printf(
          "Rules [%s]: %d rules, all with health ok%n",
          group.path("name").asText(), group.path("rules").size());
    }
  }

  @Test
  void theP90RecordingRuleIsTheJobsAggregate() {
    double recorded =
        prometheus.awaitValue(
            "job_endpoint:request_duration_seconds:p90_rate5m{job=\"histograms\",endpoint=\"/repos\"}",
            v -> v > 0.5 && v <= 0.75,
            "in the bucket (0.5, 0.75]");
    assertThat(recorded).isCloseTo(0.6875, within(0.01));
  }

  @Test
  void theSlowInstancesRaiseHighRequestLatency() {
    // the job's p90 of about 0.69 s is over the 0.5 s threshold; the alert fires after 5 minutes
    List<PromqlSample> alerts =
        prometheus.await(
            "ALERTS{alertname=\"HighRequestLatency\"}", answer -> answer.size() == 1, "one alert");
    assertThat(alerts.get(0).labels())
        .containsEntry("job", "histograms")
        .containsEntry("endpoint", "/repos")
        .containsEntry("alertstate", "pending")
        .containsEntry("severity", "warning");
  }

  @Test
  void theServiceThatWasNeverStartedRaisesServiceDown() {
    List<PromqlSample> alerts =
        prometheus.await(
            "ALERTS{alertname=\"ServiceDown\"}", answer -> answer.size() == 1, "one alert");
    assertThat(alerts.get(0).labels())
        .containsEntry("job", "tutorial")
        .containsEntry("instance", notStarted)
        .containsEntry("severity", "critical");
    // pending for the rule's first minute, firing after it (on a slow machine, this test may
    // come that late)
    assertThat(alerts.get(0).label("alertstate")).isIn("pending", "firing");

    // the annotation, as the alerts page and an Alertmanager show it
    JsonNode alert =
        findAlert(prometheus.alerts(), "ServiceDown")
            .orElseThrow(() -> new AssertionError("no ServiceDown in " + prometheus.alerts()));
    System.out.println("Alert ServiceDown: " + alert.path("annotations"));
    assertThat(alert.path("annotations").path("summary").asText())
        .isEqualTo("tutorial at " + notStarted + " is down");
  }

  // --- helpers ---

  private static List<String> repeat(int times, String... calls) {
    return Collections.nCopies(times, List.of(calls)).stream().flatMap(List::stream).toList();
  }

  private static Optional<JsonNode> findAlert(JsonNode alerts, String name) {
    for (JsonNode alert : alerts) {
      if (name.equals(alert.path("labels").path("alertname").asText())) {
        return Optional.of(alert);
      }
    }
    return Optional.empty();
  }

  private static double valueAt(String promql, String time) {
    List<PromqlSample> answer = prometheus.queryAt(promql, time);
    prometheus.print(promql + " @ " + time, answer);
    assertThat(answer).hasSize(1);
    return answer.get(0).value();
  }

  private static void assertBuckets(String le, Map<String, Double> expected) {
    List<PromqlSample> buckets =
        prometheus.await(
            "request_duration_seconds_bucket{job=\"histograms\",le=\"" + le + "\"}",
            answer -> answer.size() == 3,
            "one bucket per instance");
    assertThat(byInstance(buckets, histograms)).isEqualTo(expected);
  }

  /** Answers keyed by our name for the instance (a, b, c) instead of its address. */
  private static Map<String, Double> byInstance(
      List<PromqlSample> answer, Map<String, RunningService> instances) {
    Map<String, String> names =
        instances.entrySet().stream()
            .collect(Collectors.toMap(e -> address(e.getValue()), Map.Entry::getKey));
    return answer.stream()
        .collect(Collectors.toMap(s -> names.get(s.label("instance")), PromqlSample::value));
  }

  private static List<String> addresses(Map<String, RunningService> instances) {
    return instances.values().stream().map(Services::address).toList();
  }

  private static final Pattern SUM =
      Pattern.compile("request_processing_seconds_sum\\{[^}]*} (\\S+)");
  private static final Pattern COUNT =
      Pattern.compile("request_processing_seconds_count\\{[^}]*} (\\S+)");

  /** The mean from the service's own scrape, as the tutorial's curl | grep shows it. */
  private static double ownMean(RunningService service) {
    String scrape = service.scrape("request_processing_seconds");
    return number(SUM, scrape) / number(COUNT, scrape);
  }
}
