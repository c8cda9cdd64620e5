package tutorial.histograms;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static tutorial.testkit.TutorialRepositories.KAFKA_JSON;
import static tutorial.testkit.TutorialRepositories.PROMETHEUS_JSON;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;
import tutorial.testkit.Golden;
import tutorial.testkit.RawHttp;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;
import tutorial.testkit.TutorialRepositories;

/**
 * The tutorial's chapter "Histograms: Measuring Response Time", step by step, with a MockWebServer
 * in the place of api.github.com.
 */
class HistogramsAppTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What an API call across the internet takes: the tutorial's three calls summed to 0.82 s. */
  private static final long UPSTREAM_MILLIS = 300;

  private static final Pattern COUNT =
      Pattern.compile(
          "request_duration_seconds_count\\{endpoint=\"/repos\",method=\"GET\"} (\\d+)\n");
  private static final Pattern SUM =
      Pattern.compile(
          "request_duration_seconds_sum\\{endpoint=\"/repos\",method=\"GET\"} (\\S+)\n");

  /** Stands in for https://api.github.com. */
  @StartStop private final MockWebServer github = new MockWebServer();

  private RunningService service;

  /**
   * The first upstream call in a fresh JVM also loads the classes of OkHttp, Jackson and Javalin,
   * which adds up to a few hundred milliseconds and could push it into a later bucket than the
   * tutorial's long-running Python server showed. One throwaway call on a throwaway service loads
   * them before any test counts.
   */
  @BeforeAll
  static void warmUp() throws IOException {
    try (MockWebServer upstream = new MockWebServer()) {
      upstream.start();
      upstream.enqueue(new MockResponse.Builder().code(200).body(PROMETHEUS_JSON).build());
      UpstreamSettings settings = TestSettings.upstream(upstream.url("/").toString());
      try (RunningService warm =
          RunningService.start(
              registry ->
                  new HistogramsApp(
                      registry,
                      GitHubClient.connect(settings, Tracing.off()),
                      TestSettings.parse(new Buckets(), "--buckets=python")))) {
        warm.get("/repos/prometheus/prometheus");
        warm.scrape("request_duration_seconds");
      }
    }
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  private void start(UpstreamSettings upstream, Buckets.Layout layout) {
    service =
        RunningService.start(
            registry ->
                new HistogramsApp(
                    registry,
                    GitHubClient.connect(upstream, Tracing.off()),
                    TestSettings.parse(new Buckets(), "--buckets=" + layout)));
  }

  private void start(Buckets.Layout layout) {
    start(upstreamSettings(), layout);
  }

  private UpstreamSettings upstreamSettings(String... flags) {
    return TestSettings.upstream(github.url("/").toString(), flags);
  }

  private void githubAnswers(int code, String body) {
    github.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  /** The tutorial's First, Second and Third test. */
  private void callTheThreeRepositories() throws InterruptedException {
    TutorialRepositories.callTheThree(service, github, UPSTREAM_MILLIS);
  }

  @Test
  void threeCallsLandInTheBucketsAbove250Milliseconds() throws InterruptedException {
    start(Buckets.Layout.python);

    callTheThreeRepositories();

    // curl -s http://$server1:5000/metrics | grep request_duration_seconds
    String scrape = service.scrape("request_duration_seconds");
    Golden.assertMatchesStep(scrape, "histograms/after-three-calls");
    // each call waited 300 ms for the upstream, and took little more than that
    assertThat(sum(scrape)).isGreaterThanOrEqualTo(0.9).isLessThan(1.5);
  }

  @Test
  void offlineTheThreeCallsLandWhereTheTutorialsDid() {
    startOffline(Buckets.Layout.python);

    callTheThreeRepositoriesOffline();

    String scrape = service.scrape("request_duration_seconds");
    Golden.assertMatchesStep(scrape, "histograms/after-three-calls");
    // the tutorial's three took 0.82 s together
    assertThat(sum(scrape)).isGreaterThanOrEqualTo(0.818).isLessThan(0.95);
  }

  @Test
  void theTutorialsOwnBucketsSplitTheSameCallsFiner() {
    // DEFAULT_BUCKETS = (.1, .2, .3, .4, .5, .6, .7, .8, .9, 1, INF)
    startOffline(Buckets.Layout.tutorial);

    callTheThreeRepositoriesOffline();

    Golden.assertMatchesStep(
        service.scrape("request_duration_seconds"),
        "histograms/after-three-calls.tutorial-buckets");
  }

  /** As OFFLINE=true starts it: the embedded stand-in, with the tutorial's own latencies. */
  private void startOffline(Buckets.Layout layout) {
    start(upstreamSettings("--offline=true", "--stand-in-latency=true"), layout);
  }

  private void callTheThreeRepositoriesOffline() {
    for (String repository : new String[] {"prometheus/prometheus", "apache/kafka", "moby/moby"}) {
      assertThat(service.get("/repos/" + repository).status()).isEqualTo(200);
    }
  }

  @Test
  void beforeAnyCallTheSeriesIsThereAtZero() {
    start(Buckets.Layout.python);

    Golden.assertMatchesStep(service.scrape("request_duration_seconds"), "histograms/before-calls");
  }

  @Test
  void anUnknownRepositoryIsOur404AndStillTimed() {
    start(Buckets.Layout.python);
    githubAnswers(404, "{\"message\":\"Not Found\"}");

    Reply reply = service.get("/repos/prometheus/no-such-repository");

    // the tutorial passed GitHub's error JSON on with a 200; here the status says it too
    assertThat(reply.status()).isEqualTo(404);
    assertJsonEquals(
        reply.text(),
        "{\"status\":404,\"error\":\"Not Found\","
            + "\"message\":\"repository prometheus/no-such-repository not found upstream\"}");
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void anUpstreamErrorIsABadGatewayAndStillTimed() {
    start(Buckets.Layout.python);
    githubAnswers(500, "{\"message\":\"Server Error\"}");

    Reply reply = service.get("/repos/prometheus/prometheus");

    assertThat(reply.status()).isEqualTo(502);
    assertJsonEquals(
        reply.text(),
        "{\"status\":502,\"error\":\"Bad Gateway\",\"message\":\"upstream answered 500\"}");
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void anAnswerThatIsNotJsonIsABadGatewayAndStillTimed() {
    start(Buckets.Layout.python);
    githubAnswers(200, "<html><body>Please log in to the proxy</body></html>");

    Reply reply = service.get("/repos/prometheus/prometheus");

    assertThat(reply.status()).isEqualTo(502);
    assertJsonEquals(
        reply.text(),
        "{\"status\":502,\"error\":\"Bad Gateway\",\"message\":\"upstream answer is not JSON\"}");
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void aSlowUpstreamIsAGatewayTimeoutAfterTheReadTimeout() {
    start(upstreamSettings("--read-timeout=300ms"), Buckets.Layout.python);
    github.enqueue(
        new MockResponse.Builder().code(200).body(PROMETHEUS_JSON).bodyDelay(2, SECONDS).build());

    long start = System.nanoTime();
    Reply reply = service.get("/repos/prometheus/prometheus");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(reply.status()).isEqualTo(504);
    assertJsonEquals(
        reply.text(),
        "{\"status\":504,\"error\":\"Gateway Timeout\","
            + "\"message\":\"upstream did not answer in time\"}");
    // our client waits for the read timeout, not for the upstream's 2 s
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(250))
        .isLessThan(Duration.ofMillis(1500));
    // the slow calls are exactly the ones the histogram is for
    String scrape = service.scrape("request_duration_seconds");
    assertThat(count(scrape)).isEqualTo(1);
    assertThat(sum(scrape)).isGreaterThanOrEqualTo(0.25).isLessThan(1.5);
  }

  @Test
  void whileOneCallWaitsForASlowUpstreamOthersAreServed() throws Exception {
    start(upstreamSettings("--read-timeout=800ms"), Buckets.Layout.python);
    github.enqueue(
        new MockResponse.Builder().code(200).body(PROMETHEUS_JSON).bodyDelay(2, SECONDS).build());
    githubAnswers(500, "{\"message\":\"Server Error\"}");
    githubAnswers(200, KAFKA_JSON);

    CompletableFuture<Reply> slow =
        CompletableFuture.supplyAsync(() -> service.get("/repos/prometheus/prometheus"));
    github.takeRequest(); // the slow call is now in flight
    Reply failing = service.get("/repos/apache/kafka");
    Reply healthy = service.get("/repos/apache/kafka");

    assertThat(failing.status()).isEqualTo(502);
    assertThat(healthy.status()).isEqualTo(200);
    assertThat(slow.get(5, SECONDS).status()).isEqualTo(504);
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void aCallPastTheBoundIsRefusedAtOnceWithRetryAfterAndStillTimed() throws Exception {
    // 4 calls in flight at most, so 1 for any one repository
    start(
        upstreamSettings("--read-timeout=800ms", "--max-upstream-calls=4"), Buckets.Layout.python);
    github.enqueue(
        new MockResponse.Builder().code(200).body(PROMETHEUS_JSON).bodyDelay(2, SECONDS).build());
    githubAnswers(200, KAFKA_JSON);

    CompletableFuture<Reply> slow =
        CompletableFuture.supplyAsync(() -> service.get("/repos/prometheus/prometheus"));
    github.takeRequest(); // the slow call holds prometheus/prometheus's one place
    long start = System.nanoTime();
    Reply refused = service.get("/repos/prometheus/prometheus");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Reply other = service.get("/repos/apache/kafka");

    assertThat(refused.status()).isEqualTo(503);
    assertThat(took).isLessThan(Duration.ofMillis(500));
    assertThat(refused.header("Retry-After"))
        .isEqualTo("3"); // connect 2 s + read 0.8 s, rounded up
    assertJsonEquals(
        refused.text(),
        "{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"upstream busy: 1"
            + " calls for prometheus/prometheus are already waiting for the API; try again later\"}");
    assertThat(other.status()).isEqualTo(200);
    assertThat(slow.get(5, SECONDS).status()).isEqualTo(504);
    // the upstream was asked twice: the refused call never reached it
    assertThat(github.getRequestCount()).isEqualTo(2);
    // refused calls are observed too: an incident shows up in the histogram
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void anUnreachableUpstreamIsABadGatewayThatSaysWhatToDoAndStillTimed() {
    String url = closedPortUrl();
    start(TestSettings.upstream(url), Buckets.Layout.python);

    Reply reply = service.get("/repos/prometheus/prometheus");

    assertThat(reply.status()).isEqualTo(502);
    assertJsonEquals(
        reply.text(),
        "{\"status\":502,\"error\":\"Bad Gateway\",\"message\":\"upstream unreachable: cannot"
            + " reach the repository API at "
            + url.substring("http://".length()).replaceAll("/$", "")
            + "; without internet, start the service with OFFLINE=true\"}");
    assertThat(count()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/repos/bad_user!/prometheus",
        "/repos/-leading/prometheus",
        "/repos/trailing-/prometheus",
        "/repos/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/prometheus", // 40 characters
        "/repos/prometheus/has%20space",
        "/repos/prometheus/%2E%2E%2Fsecrets"
      })
  void aBadNameIsRefusedWithoutAskingTheUpstream(String path) {
    start(Buckets.Layout.python);

    Reply reply = service.get(path);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text()).startsWith("{\"status\":400,\"error\":\"Bad Request\",\"message\":");
    // refused before any upstream call, and not timed: it says nothing about the upstream
    assertThat(github.getRequestCount()).isZero();
    assertThat(count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/repos/prometheus/..", "/repos/../prometheus", "/repos/prometheus/."})
  void dotSegmentsAreRefusedWithoutAskingTheUpstream(String path) {
    // The tutorial's 'https://api.github.com/repos' + '/' + repos would pass the dots on, and the
    // API would resolve /repos/prometheus/.. to /repos. OkHttp resolves dots before sending, so
    // this request goes over a plain socket exactly as written, as curl --path-as-is sends it.
    start(Buckets.Layout.python);

    RawHttp.Answer answer =
        RawHttp.send(service.url("/").port(), "GET", path, new String[0], new byte[0]);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text()).startsWith("{\"status\":400,\"error\":\"Bad Request\"");
    assertThat(github.getRequestCount()).isZero();
    assertThat(count()).isZero();
  }

  @Test
  void theTokenIsSentAsABearerToken() throws InterruptedException {
    start(upstreamSettings("--github-token=ghp_example"), Buckets.Layout.python);
    githubAnswers(200, PROMETHEUS_JSON);

    service.get("/repos/prometheus/prometheus");

    assertThat(github.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ghp_example");
  }

  @Test
  void withoutATokenNoAuthorizationIsSent() throws InterruptedException {
    start(Buckets.Layout.python);
    githubAnswers(200, PROMETHEUS_JSON);

    service.get("/repos/prometheus/prometheus");

    assertThat(github.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void prometheusCanScrapeTheHistogramOverProtobuf() {
    start(Buckets.Layout.python);
    githubAnswers(200, PROMETHEUS_JSON);
    service.get("/repos/prometheus/prometheus");

    Reply protobuf =
        service.get(
            "/metrics?name[]=request_duration_seconds",
            "Accept",
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");
    Reply readable =
        service.get("/metrics?name[]=request_duration_seconds&debug=prometheus-protobuf");

    assertThat(protobuf.status()).isEqualTo(200);
    assertThat(protobuf.header("Content-Type"))
        .isEqualTo(
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                + " encoding=delimited");
    assertThat(protobuf.body()).isNotEmpty();
    assertThat(new String(protobuf.body(), StandardCharsets.ISO_8859_1))
        .contains("request_duration_seconds");
    assertThat(readable.status()).isEqualTo(200);
    assertThat(readable.text())
        .contains("name: \"request_duration_seconds\"")
        .contains("type: HISTOGRAM")
        .contains("sample_count: 1");
  }

  @Test
  void aNativeHistogramTooGoesOnlyToProtobuf() {
    // NATIVE_HISTOGRAM=true: text scrapers still see the same classic buckets
    Buckets buckets = TestSettings.parse(new Buckets(), "--buckets=python");
    buckets.nativeToo = true;
    UpstreamSettings upstream = upstreamSettings();
    service =
        RunningService.start(
            registry ->
                new HistogramsApp(
                    registry, GitHubClient.connect(upstream, Tracing.off()), buckets));

    Reply readable =
        service.get("/metrics?name[]=request_duration_seconds&debug=prometheus-protobuf");

    Golden.assertMatchesStep(service.scrape("request_duration_seconds"), "histograms/before-calls");
    assertThat(readable.text()).contains("schema: ").contains("upper_bound: 0.075");
  }

  private long count() {
    return count(service.scrape("request_duration_seconds"));
  }

  private static long count(String scrape) {
    Matcher matcher = COUNT.matcher(scrape);
    assertThat(matcher.find()).as("a _count line in%n%s", scrape).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static double sum(String scrape) {
    Matcher matcher = SUM.matcher(scrape);
    assertThat(matcher.find()).as("a _sum line in%n%s", scrape).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private static void assertJsonEquals(String actual, String expected) {
    try {
      assertThat(JSON.readTree(actual)).as(actual).isEqualTo(JSON.readTree(expected));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback port that nothing listens on: it was free a moment ago and is closed again. */
  private static String closedPortUrl() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
