package tutorial.e2e;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.LoopbackServer;
import tutorial.testkit.TestSettings;

/**
 * Stands in for api.github.com with latencies the test chose, so it knows which bucket each request
 * lands in: the tutorial's repositories answer after {@link #FAST} or {@link #SLOW}.
 *
 * <p>A Javalin server rather than a MockWebServer: MockWebServer writes a delayed answer's headers
 * and body as two small packets, and the second waits for the client's delayed ACK, which added
 * about 40 ms to every request; Jetty sends the answer at once.
 */
final class RepositoryApi implements AutoCloseable {

  /** Inside the bucket (0.1 s, 0.25 s], with 100 ms to spare for our own handling. */
  static final Duration FAST = Duration.ofMillis(150);

  /** Inside the bucket (0.5 s, 0.75 s], with 200 ms to spare. */
  static final Duration SLOW = Duration.ofMillis(550);

  static double fastSeconds() {
    return FAST.toMillis() / 1000.0;
  }

  static double slowSeconds() {
    return SLOW.toMillis() / 1000.0;
  }

  static final Map<String, Duration> LATENCY =
      Map.of(
          "prometheus/prometheus", FAST,
          "apache/kafka", FAST,
          "moby/moby", SLOW,
          // for a warm-up call that should not wait
          "warm/up", Duration.ZERO);

  /** Inside the bucket (0.25 s, 0.5 s], where the tutorial's own run put all three calls. */
  static final Duration TUTORIALS_RUN = Duration.ofMillis(280);

  private final Javalin server;
  private final Map<String, Duration> latency;

  private RepositoryApi(Map<String, Duration> latency) {
    this.latency = latency;
    server =
        LoopbackServer.start(routes -> routes.get("/repos/{owner}/{repository}", this::repository));
  }

  static RepositoryApi start() {
    return start(LATENCY);
  }

  /** The tutorial's repositories all answer after {@code each}; the warm-up call still at once. */
  static RepositoryApi startAnsweringAfter(Duration each) {
    Map<String, Duration> latency = new HashMap<>();
    LATENCY.forEach((name, usual) -> latency.put(name, usual.isZero() ? usual : each));
    return start(latency);
  }

  private static RepositoryApi start(Map<String, Duration> latency) {
    RepositoryApi api = new RepositoryApi(latency);
    return api;
  }

  private void repository(Context ctx) throws InterruptedException {
    String fullName = ctx.pathParam("owner") + "/" + ctx.pathParam("repository");
    Duration wait = latency.get(fullName);
    if (wait == null) {
      throw new NotFoundResponse("Not Found");
    }
    Thread.sleep(wait.toMillis());
    ctx.contentType("application/json; charset=utf-8")
        .result("{\"full_name\":\"" + fullName + "\",\"stand_in\":true}");
  }

  /** A client of this stand-in, as {@code GITHUB_API_URL} would configure it. */
  GitHubClient client() {
    return client(Tracing.off());
  }

  /** As {@link #client()}, each call in a span of {@code tracing}'s current trace. */
  GitHubClient client(Tracing tracing) {
    return GitHubClient.connect(TestSettings.upstream("http://127.0.0.1:" + port()), tracing);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
