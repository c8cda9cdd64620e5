package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.common.tracing.Tracing;
import tutorial.testkit.JarProcess;

/**
 * From a slow bucket to the request that put it there: histograms-app and summaries-app, their real
 * jars with their default settings (traced), scraped by a real Prometheus 2.42 started with
 * exemplar storage and prometheus/prometheus-exemplars.yml as shipped (but for its interval and
 * targets). A request with a known W3C {@code traceparent} that the stand-in API makes slow is
 * found again through {@code /api/v1/query_exemplars} on its bucket, in its answer's header, in the
 * access log and in the span log.
 */
class ExemplarsIT {

  static final String EXAMPLE = "prometheus-exemplars.yml";

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration LOG_TIMEOUT = Duration.ofSeconds(10);

  private static final StartedResources started = new StartedResources();
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static JarProcess histograms;
  private static JarProcess summaries;
  private static int histogramsPort;
  private static int summariesPort;
  private static PrometheusServer prometheus;
  private static Optional<String> skip = Optional.empty();

  @BeforeAll
  static void startServicesAndPrometheus() throws Exception {
    skip = ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS);
    if (skip.isPresent()) {
      return;
    }
    RepositoryApi api = started.add(RepositoryApi.start());
    started.expectFreed(api.port());
    String apiUrl = "--github-api-url=http://127.0.0.1:" + api.port();
    histograms = started.add(start("histograms-app", apiUrl));
    histogramsPort = histograms.awaitPort(START_TIMEOUT);
    summaries = started.add(start("summaries-app", apiUrl));
    summariesPort = summaries.awaitPort(START_TIMEOUT);
    started.expectFreed(histogramsPort);
    started.expectFreed(summariesPort);

    String config =
        Files.readString(PrometheusFolder.file(EXAMPLE))
            .replace("scrape_interval: 15s", "scrape_interval: 1s\n  scrape_timeout: 1s")
            // the chapter's single service (job tutorial) is histograms-app too
            .replace("localhost:5000", "127.0.0.1:" + histogramsPort)
            .replace("localhost:5003", "127.0.0.1:" + histogramsPort)
            .replace("localhost:5004", "127.0.0.1:" + summariesPort);
    prometheus =
        started.add(
            PrometheusServer.start(
                "exemplars",
                config,
                List.of(
                    PrometheusFolder.file(PrometheusFolder.RECORDING_RULES),
                    PrometheusFolder.file(PrometheusFolder.ALERTING_RULES)),
                3,
                "--enable-feature=exemplar-storage"));
    started.expectFreed(prometheus.port());

    // fast calls first, whose exemplars land in a low bucket; then client_java's 90 ms between
    // two samples of one series has passed before the slow call
    for (int port : new int[] {histogramsPort, summariesPort}) {
      for (int i = 0; i < 3; i++) {
        assertThat(get(port, "/repos/warm/up", "Accept", "*/*").code()).isEqualTo(200);
      }
    }
    Thread.sleep(200);
  }

  private static JarProcess start(String module, String apiUrl) {
    return JarProcess.start(
        Services.jar(module), DocsIT.REPO, Map.of(), "--port=0", "--host=127.0.0.1", apiUrl);
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
  void aSlowRequestIsFoundFromItsBucketThroughPrometheusAndInTheLogs() throws Exception {
    Reply reply = get(histogramsPort, "/repos/moby/moby", "traceparent", TRACEPARENT);

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.traceResponse()).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");

    JsonNode series =
        prometheus.awaitExemplars(
            "request_duration_seconds_bucket{job=\"histograms\"}",
            s -> exemplar(s).isPresent(),
            "an exemplar with trace_id " + TRACE_ID);
    double latency = exemplar(series).orElseThrow().path("value").asDouble();
    String le = series.path("seriesLabels").path("le").asText();
    // the stand-in held the call 550 ms; its bucket is the first whose bound holds the latency
    assertThat(latency).isGreaterThanOrEqualTo(RepositoryApi.slowSeconds());
    assertThat(le).isEqualTo(firstBucketHolding(latency));
    assertThat(series.path("seriesLabels").path("endpoint").asText()).isEqualTo("/repos");

    awaitOutput(
        histograms,
        Pattern.compile(
            "127\\.0\\.0\\.1 \"GET /repos/moby/moby HTTP/1\\.1\" 200 \\d+ bytes \\d+ ms trace_id="
                + TRACE_ID));
    // the request's span, a child of the caller's, and its call to the API's, a child of it
    awaitOutput(
        histograms,
        Pattern.compile(
            "trace "
                + TRACE_ID
                + " span [0-9a-f]{16} parent b7ad6b7169203331 SERVER \"GET"
                + " /repos/\\{username}/\\{repository}\" [\\d.]+ ms status 200 exemplar"));
    awaitOutput(
        histograms,
        Pattern.compile(
            "trace "
                + TRACE_ID
                + " span [0-9a-f]{16} parent [0-9a-f]{16} CLIENT \"GET 127\\.0\\.0\\.1\""));
  }

  @Test
  void exemplarsSitOnBucketsOnlyAndPrometheusKeepsScrapingBoth() throws Exception {
    for (int port : new int[] {histogramsPort, summariesPort}) {
      assertThat(get(port, "/repos/prometheus/prometheus", "traceparent", TRACEPARENT).code())
          .isEqualTo(200);
    }

    String fromHistograms = get(histogramsPort, "/metrics", "Accept", OPENMETRICS).body();
    List<String> withExemplars = fromHistograms.lines().filter(l -> l.contains(" # {")).toList();
    assertThat(withExemplars)
        .isNotEmpty()
        .allMatch(l -> l.startsWith("request_duration_seconds_bucket{"));
    // a summary has no buckets, and client_java writes no exemplar on its other lines
    String fromSummaries = get(summariesPort, "/metrics", "Accept", OPENMETRICS).body();
    assertThat(fromSummaries).contains("request_processing_seconds_count").doesNotContain(" # {");

    // 2.42 would drop a whole scrape for an exemplar on any other series
    prometheus.awaitValue("up{job=\"histograms\"}", 1);
    prometheus.awaitValue("up{job=\"summaries\"}", 1);
    prometheus.awaitValue(
        "scrape_samples_scraped{job=\"histograms\"}", v -> v > 30, "> 30 (JVM metrics too)");
  }

  private static Optional<JsonNode> exemplar(JsonNode series) {
    for (JsonNode exemplar : series.path("exemplars")) {
      if (TRACE_ID.equals(exemplar.path("labels").path("trace_id").asText())) {
        return Optional.of(exemplar);
      }
    }
    return Optional.empty();
  }

  /** The Python client's buckets, histograms-app's default, as Prometheus writes {@code le}. */
  private static String firstBucketHolding(double seconds) {
    double[] bounds = {.005, .01, .025, .05, .075, .1, .25, .5, .75, 1, 2.5, 5, 7.5, 10};
    for (double bound : bounds) {
      if (seconds <= bound) {
        return Double.toString(bound);
      }
    }
    return "+Inf";
  }

  private static void awaitOutput(JarProcess service, Pattern line) throws InterruptedException {
    long deadline = System.nanoTime() + LOG_TIMEOUT.toNanos();
    while (service.output().lines().noneMatch(l -> line.matcher(l).find())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no line matching " + line + " in the service's output:\n" + service.output());
      }
      Thread.sleep(100);
    }
  }

  record Reply(int code, String traceResponse, String body) {}

  private static Reply get(int port, String path, String header, String value) throws Exception {
    Request request =
        new Request.Builder().url("http://127.0.0.1:" + port + path).header(header, value).build();
    try (Response response = HTTP.newCall(request).execute()) {
      return new Reply(
          response.code(), response.header(Tracing.RESPONSE_HEADER), response.body().string());
    }
  }
}
