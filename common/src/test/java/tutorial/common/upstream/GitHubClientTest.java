package tutorial.common.upstream;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadGatewayResponse;
import io.javalin.http.GatewayTimeoutResponse;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tutorial.common.RepositoryName;

/**
 * The tutorial's {@code requests.get(url).json()}, and what it leaves out: every way the upstream
 * can fail becomes 404, 502 or 504 for our own client.
 */
class GitHubClientTest {

  private static final RepositoryName PROMETHEUS = new RepositoryName("prometheus", "prometheus");
  private static final String PROMETHEUS_JSON =
      "{\"id\":6838921,\"full_name\":\"prometheus/prometheus\",\"stargazers_count\":55000}";
  private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

  private static final int MAX_CALLS = 64;

  @StartStop private final MockWebServer upstream = new MockWebServer();

  /** Where a redirect would lead; no request may ever arrive here. */
  @StartStop private final MockWebServer elsewhere = new MockWebServer();

  private GitHubClient client(String token) {
    return new GitHubClient(
        upstream.url("/").toString(),
        token,
        Duration.ofSeconds(1),
        READ_TIMEOUT,
        MAX_CALLS,
        List.of());
  }

  private void answer(int code, String body) {
    upstream.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  @Test
  void asksForTheRepositoryAsTheApiDocumentsIt() throws InterruptedException {
    answer(200, PROMETHEUS_JSON);

    JsonNode json = client(null).repository(PROMETHEUS);

    assertThat(json.get("full_name").asText()).isEqualTo("prometheus/prometheus");
    RecordedRequest request = upstream.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/repos/prometheus/prometheus");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
    // without a token, anonymous: no Authorization header at all
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void keepsThePathOfABaseUrlLikeGitHubEnterprises() throws InterruptedException {
    answer(200, PROMETHEUS_JSON);
    GitHubClient enterprise =
        new GitHubClient(
            upstream.url("/api/v3/").toString(),
            null,
            Duration.ofSeconds(1),
            READ_TIMEOUT,
            MAX_CALLS,
            List.of());

    enterprise.repository(PROMETHEUS);

    assertThat(upstream.takeRequest().getTarget()).isEqualTo("/api/v3/repos/prometheus/prometheus");
  }

  @Test
  void sendsTheTokenAsABearerToken() throws InterruptedException {
    answer(200, PROMETHEUS_JSON);

    client("ghp_test123").repository(PROMETHEUS);

    assertThat(upstream.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ghp_test123");
  }

  @Test
  void aBlankTokenIsNoToken() throws InterruptedException {
    answer(200, PROMETHEUS_JSON);

    client("  ").repository(PROMETHEUS);

    assertThat(upstream.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void anUnknownRepositoryIsNotFound() {
    answer(404, "{\"message\":\"Not Found\"}");

    assertThatThrownBy(() -> client(null).repository(new RepositoryName("prometheus", "nope")))
        .isInstanceOf(NotFoundResponse.class)
        .hasMessage("repository prometheus/nope not found upstream");
  }

  @Test
  void anUpstreamFailureIsABadGateway() {
    answer(503, "{\"message\":\"Service Unavailable\"}");

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage("upstream answered 503");
  }

  @Test
  void aRateLimitIsABadGatewayThatSaysWhatToDo() {
    // what an anonymous client sees after 60 calls an hour
    upstream.enqueue(
        new MockResponse.Builder()
            .code(403)
            .addHeader("X-RateLimit-Remaining", "0")
            .body("{\"message\":\"API rate limit exceeded\"}")
            .build());

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage("upstream rate limit reached; set GITHUB_TOKEN, or start with OFFLINE=true");
  }

  @Test
  void anotherRefusalIsABadGateway() {
    answer(403, "{\"message\":\"Resource not accessible\"}");

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage("upstream answered 403");
  }

  @Test
  void aRedirectToAnotherHostIsNotFollowed() {
    upstream.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", elsewhere.url("/repos/prometheus/prometheus"))
            .build());

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage("upstream answered 302: the repository has moved; ask for its new name");
    assertThat(upstream.getRequestCount()).isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void aBodyAtTheSizeLimitIsRead() {
    String json = jsonOfSize(GitHubClient.MAX_BODY_BYTES);
    answer(200, json);

    assertThat(client(null).repository(PROMETHEUS).get("padding").asText())
        .hasSizeGreaterThan(1000);
  }

  @Test
  void aBodyOverTheSizeLimitIsABadGateway() {
    answer(200, jsonOfSize(GitHubClient.MAX_BODY_BYTES + 1));

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage("upstream answer larger than " + GitHubClient.MAX_BODY_BYTES + " bytes");
  }

  @Test
  void aBodyThatIsNotJsonIsABadGateway() {
    // what a captive portal or a proxy's error page looks like
    answer(200, "<html><body>Please log in</body></html>");

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage("upstream answer is not JSON");
  }

  @Test
  void jsonFollowedByOtherTextIsABadGateway() {
    // a JSON object with something else after it: an HTML error page glued to a cached answer
    answer(200, PROMETHEUS_JSON + "<html>502 Bad Gateway</html>");

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage("upstream answer is not JSON");
  }

  @Test
  void anEmptyBodyIsABadGateway() {
    answer(200, "");

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class);
  }

  @Test
  void jsonThatIsNotAnObjectIsABadGateway() {
    answer(200, "[{\"full_name\":\"prometheus/prometheus\"}]");

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage("upstream answer is not a JSON object");
  }

  @Test
  void aSlowBodyIsAGatewayTimeout() {
    upstream.enqueue(
        new MockResponse.Builder().code(200).body(PROMETHEUS_JSON).bodyDelay(2, SECONDS).build());

    long start = System.nanoTime();
    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(GatewayTimeoutResponse.class)
        .hasMessage("upstream did not answer in time");
    // given up after the read timeout, not after the upstream's 2 s
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50))
        .isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void noAnswerAtAllIsAGatewayTimeout() {
    upstream.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(PROMETHEUS_JSON)
            .headersDelay(2, SECONDS)
            .build());

    assertThatThrownBy(() -> client(null).repository(PROMETHEUS))
        .isInstanceOf(GatewayTimeoutResponse.class);
  }

  @Test
  void aRefusedConnectionIsABadGatewayThatNamesTheHostAndTheWayOffline() throws IOException {
    String url = closedPortUrl();
    GitHubClient client =
        new GitHubClient(url, null, Duration.ofSeconds(1), READ_TIMEOUT, MAX_CALLS, List.of());

    assertThatThrownBy(() -> client.repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessage(
            "upstream unreachable: cannot reach the repository API at "
                + url.substring("http://".length(), url.length() - 1)
                + "; without internet, start the service with OFFLINE=true");
  }

  @Test
  void refusesABaseUrlThatIsNotHttp() {
    assertThatThrownBy(
            () ->
                new GitHubClient(
                    "ftp://example.com",
                    null,
                    Duration.ofSeconds(1),
                    READ_TIMEOUT,
                    MAX_CALLS,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A JSON object of exactly {@code size} bytes. */
  private static String jsonOfSize(long size) {
    String frame = "{\"padding\":\"\"}";
    return "{\"padding\":\"" + "x".repeat((int) size - frame.length()) + "\"}";
  }

  /** A loopback port that nothing listens on: it was free a moment ago and is closed again. */
  static String closedPortUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }
  }
}
