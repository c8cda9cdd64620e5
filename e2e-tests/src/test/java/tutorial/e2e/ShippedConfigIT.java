package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import tutorial.testkit.TestSettings;

/**
 * prometheus/prometheus.yml as shipped, but for its 15 s intervals (1 s here), against the services
 * on their documented ports: the tutorial's one service on 5000 and the five side by side on 5001
 * to 5005, as a learner runs them. Skipped when one of those ports is taken on a developer's
 * machine.
 */
class ShippedConfigIT {

  private static final Map<String, Integer> PORTS =
      Map.of(
          "tutorial", 5000,
          "counters", 5001,
          "gauges", 5002,
          "histograms", 5003,
          "summaries", 5004,
          "custom-metrics", 5005);

  private static final StartedResources started = new StartedResources();
  private static PrometheusServer prometheus;

  /** Why this machine cannot run these tests (no Prometheus, a port taken), or empty. */
  private static Optional<String> skip = Optional.empty();

  @BeforeAll
  static void startServicesOnTheirPortsAndPrometheus() throws IOException {
    skip =
        ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS)
            .or(ShippedConfigIT::portsTaken);
    if (skip.isPresent()) {
      return;
    }

    RepositoryApi github = started.add(RepositoryApi.start());
    started.expectFreed(github.port());
    // ./run counters-app: the first chapter, on the tutorial's port
    Services.startOn(started, 5000, CountersApp::new);
    Services.startOn(started, 5001, CountersApp::new);
    Services.startOn(started, 5002, GaugesApp::new);
    Services.startOn(
        started,
        5003,
        registry ->
            new HistogramsApp(
                registry, github.client(), TestSettings.parse(new Buckets(), "--buckets=python")));
    Services.startOn(
        started,
        5004,
        registry ->
            new SummariesApp(
                registry,
                github.client(),
                TestSettings.parse(new Quantiles(), "--quantiles=false")));
    Services.startOn(started, 5005, CustomMetricsApp::new);

    String shipped = Files.readString(PrometheusFolder.file(PrometheusFolder.CONFIG));
    String fast =
        replaceOnce(
            replaceOnce(
                shipped, "  scrape_interval: 15s", "  scrape_interval: 1s\n  scrape_timeout: 1s"),
            "  evaluation_interval: 15s",
            "  evaluation_interval: 1s");
    prometheus =
        started.add(
            PrometheusServer.start(
                "shipped-config",
                fast,
                List.of(
                    PrometheusFolder.file(PrometheusFolder.RECORDING_RULES),
                    PrometheusFolder.file(PrometheusFolder.ALERTING_RULES)),
                PORTS.size()));
    started.expectFreed(prometheus.port());
  }

  @AfterAll
  static void stopEverything() {
    started.close();
  }

  @BeforeEach
  void skipWithoutPrometheusOrPorts() {
    assumeTrue(skip.isEmpty(), skip::get);
  }

  @Test
  void everyDocumentedTargetIsUp() {
    List<PromqlSample> up =
        prometheus.await(
            "up",
            answer ->
                answer.size() == PORTS.size() && answer.stream().allMatch(s -> s.value() == 1),
            "1 for all " + PORTS.size() + " targets");

    Map<String, String> instanceByJob =
        up.stream().collect(Collectors.toMap(s -> s.label("job"), s -> s.label("instance")));
    assertThat(instanceByJob)
        .containsExactlyInAnyOrderEntriesOf(
            PORTS.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> "localhost:" + e.getValue())));
  }

  @Test
  void eachJobScrapesItsChaptersMetrics() {
    prometheus.awaitValue("count(home_page_visits_total{job=~\"tutorial|counters\"})", 2);
    prometheus.awaitValue("count(list_size{job=\"gauges\"})", 1);
    prometheus.awaitValue("count(request_duration_seconds_count{job=\"histograms\"})", 1);
    prometheus.awaitValue("count(request_processing_seconds_count{job=\"summaries\"})", 1);
    prometheus.awaitValue("count(application_info{job=\"custom-metrics\"})", 1);
    // the services' JVM metrics are scraped too, as the Python client's process metrics are
    prometheus.awaitValue("count(count by (job) (jvm_threads_current))", PORTS.size());
  }

  @Test
  void theShippedRulesAreLoadedAndNothingIsAlerting() {
    assertThat(prometheus.ruleGroups())
        .extracting(group -> group.path("name").asText())
        .containsExactlyInAnyOrder("tutorial-recording", "tutorial-alerts");
    List<PromqlSample> alerts = prometheus.query("ALERTS");
    prometheus.print("ALERTS", alerts);
    assertThat(alerts).isEmpty();
  }

  /**
   * A developer may be running the services on their ports right now; then this class skips. CI
   * starts on a machine where nothing of ours runs, so there a taken port is an error.
   */
  private static Optional<String> portsTaken() {
    List<Integer> taken =
        PORTS.values().stream().filter(port -> !Ports.isFree(port)).sorted().toList();
    if (taken.isEmpty()) {
      return Optional.empty();
    }
    String reason = "the documented ports " + taken + " are taken on this machine";
    if (ExternalBinaries.inCi()) {
      throw new AssertionError(reason + " (CI is set: the end-to-end tests must run)");
    }
    System.out.println("SKIPPED ShippedConfigIT: " + reason);
    return Optional.of(reason);
  }

  private static String replaceOnce(String text, String target, String replacement) {
    assertThat(text)
        .as("prometheus.yml should contain '%s' for this test to shorten", target)
        .containsOnlyOnce(target);
    return text.replace(target, replacement);
  }
}
