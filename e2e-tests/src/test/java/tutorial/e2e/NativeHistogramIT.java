package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static tutorial.e2e.RepositoryApi.fastSeconds;
import static tutorial.e2e.RepositoryApi.slowSeconds;
import static tutorial.e2e.Scrapes.number;
import static tutorial.e2e.Services.address;
import static tutorial.e2e.Services.assertOk;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.histograms.HistogramsApp;
import tutorial.testkit.RunningService;

/**
 * The histogram chapter with {@code NATIVE_HISTOGRAM=true}, scraped by a Prometheus started with
 * {@code --enable-feature=native-histograms}. That Prometheus asks for protobuf, where the
 * histogram carries both its classic buckets and its native ones, and 2.42 keeps only the native
 * form: hence a Prometheus of its own, apart from the classic tests'.
 */
class NativeHistogramIT {

  /** The tutorial's three calls, repeated: 8 answers after 150 ms and 2 after 550 ms. */
  private static final List<String> CALLS =
      List.of(
          "prometheus/prometheus",
          "apache/kafka",
          "moby/moby",
          "prometheus/prometheus",
          "apache/kafka",
          "prometheus/prometheus",
          "apache/kafka",
          "moby/moby",
          "prometheus/prometheus",
          "apache/kafka");

  /**
   * A native histogram's buckets (schema 5, client_java's default) are each 2^(1/32) wide, about
   * 2.2%; a quantile lands in the bucket of a request, so at most that far below its latency.
   */
  private static final double BUCKET_GROWTH = Math.pow(2, 1.0 / 32);

  private static final StartedResources started = new StartedResources();
  private static RunningService histograms;
  private static PrometheusServer prometheus;

  /** Why this machine cannot run these tests (no Prometheus), or empty. */
  private static Optional<String> skip = Optional.empty();

  @BeforeAll
  static void startServiceAndPrometheus() {
    skip = ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS);
    if (skip.isPresent()) {
      return;
    }
    RepositoryApi github = started.add(RepositoryApi.start());
    started.expectFreed(github.port());
    Services.warmUp(github);
    histograms =
        Services.start(
            started,
            registry ->
                new HistogramsApp(registry, github.client(), Services.classicAndNativeBuckets()));

    ScrapeConfig config =
        new ScrapeConfig()
            .ruleFile(PrometheusFolder.RECORDING_RULES)
            .ruleFile(PrometheusFolder.ALERTING_RULES)
            .job("histograms", address(histograms));
    prometheus =
        started.add(PrometheusServer.start("native", config, "--enable-feature=native-histograms"));
    started.expectFreed(prometheus.port());

    CALLS.forEach(repo -> assertOk(histograms.get("/repos/" + repo)));
    prometheus.awaitValue("histogram_count(request_duration_seconds{job=\"histograms\"})", 10);
  }

  @AfterAll
  static void stopEverything() {
    started.close();
  }

  @BeforeEach
  void skipWithoutPrometheus() {
    assumeTrue(skip.isEmpty(), skip::get);
  }

  @Test
  void prometheusKeepsOnlyTheNativeForm() {
    List<PromqlSample> nativeForm =
        prometheus.await(
            "request_duration_seconds{job=\"histograms\"}",
            answer -> answer.size() == 1 && answer.get(0).isHistogram(),
            "one native histogram");
    assertThat(nativeForm.get(0).histogram().path("count").asText()).isEqualTo("10");

    // the classic series are not stored, though the service still exposes them as text
    for (String classic : List.of("_bucket", "_count", "_sum")) {
      List<PromqlSample> none = prometheus.query("request_duration_seconds" + classic);
      prometheus.print("request_duration_seconds" + classic, none);
      assertThat(none).isEmpty();
    }
    assertThat(histograms.scrape("request_duration_seconds"))
        .contains(
            "request_duration_seconds_bucket{endpoint=\"/repos\",method=\"GET\",le=\"0.25\"} 8");
  }

  @Test
  void countAndSumAreTheServicesOwn() {
    String scrape = histograms.scrape("request_duration_seconds");

    prometheus.awaitValue(
        "histogram_count(request_duration_seconds{job=\"histograms\"})", number(COUNT, scrape));
    double sum =
        prometheus.awaitValue(
            "histogram_sum(request_duration_seconds{job=\"histograms\"})", v -> v > 0, "> 0");
    assertThat(sum).isCloseTo(number(SUM, scrape), within(1e-9));
  }

  @Test
  void histogramQuantileLandsBesideTheSlowRequests() {
    // the same query as the tutorial's, without _bucket: a native histogram is one series
    double p90 =
        prometheus.awaitValue(
            "histogram_quantile(0.9, rate(request_duration_seconds{job=\"histograms\"}[10m]))",
            v -> v > 0,
            "> 0");
    double p50 =
        prometheus.awaitValue(
            "histogram_quantile(0.5, rate(request_duration_seconds{job=\"histograms\"}[10m]))",
            v -> v > 0,
            "> 0");

    // The 9th of 10 requests is a 550 ms one; a native bucket is 2.2% wide, so the estimate is
    // within 2.2% of that request's latency (550 ms upstream plus our own handling), where the
    // classic buckets could only say "somewhere in (0.5, 0.75]" and interpolated 0.625.
    assertThat(p90).isBetween(slowSeconds() / BUCKET_GROWTH, slowSeconds() + 0.1);
    // the median is a 150 ms request
    assertThat(p50).isBetween(fastSeconds() / BUCKET_GROWTH, fastSeconds() + 0.1);
  }

  @Test
  void histogramFractionCountsTheFastRequests() {
    // the share of requests served within 0.25 s: 8 of 10
    double fraction =
        prometheus.awaitValue(
            "histogram_fraction(0, 0.25, rate(request_duration_seconds{job=\"histograms\"}[10m]))",
            v -> v > 0,
            "> 0");
    assertThat(fraction).isCloseTo(0.8, within(0.01));
  }

  @Test
  void theShippedP90RuleAnswersForTheNativeFormToo() {
    // the rule's second half: histogram_quantile over sum by (job, endpoint) of the native rate
    double recorded =
        prometheus.awaitValue(
            "job_endpoint:request_duration_seconds:p90_rate5m{job=\"histograms\",endpoint=\"/repos\"}",
            v -> v > 0,
            "> 0");
    assertThat(recorded).isBetween(slowSeconds() / BUCKET_GROWTH, slowSeconds() + 0.1);
    // over the 0.5 s threshold: the alert is pending
    prometheus.await(
        "ALERTS{alertname=\"HighRequestLatency\",job=\"histograms\"}",
        answer -> answer.size() == 1 && "pending".equals(answer.get(0).label("alertstate")),
        "pending");
  }

  private static final Pattern COUNT =
      Pattern.compile("request_duration_seconds_count\\{[^}]*} (\\S+)");
  private static final Pattern SUM =
      Pattern.compile("request_duration_seconds_sum\\{[^}]*} (\\S+)");
}
