package tutorial.histograms;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import tutorial.testkit.JarProcess;

/**
 * SIGTERM on the real process while a request waits for a slow upstream: the request still gets its
 * 200, new connections are refused, and the process ends with status 0 within the stop timeout.
 */
class GracefulStopIT {

  private static final Duration UPSTREAM_DELAY = Duration.ofSeconds(2);

  @StartStop final MockWebServer upstream = new MockWebServer();

  @Test
  void sigtermLetsTheRequestInFlightFinishAndExitsZero() throws Exception {
    upstream.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"full_name\":\"prometheus/prometheus\"}")
            .headersDelay(UPSTREAM_DELAY.toMillis(), MILLISECONDS)
            .build());
    Map<String, String> env =
        Map.of(
            "PORT", "0",
            "HOST", "127.0.0.1",
            "GITHUB_API_URL", upstream.url("/").toString(),
            "STOP_TIMEOUT", "10s");

    try (JarProcess jar = JarProcess.start("histograms-app", env)) {
      String base = "http://127.0.0.1:" + jar.awaitPort(Duration.ofSeconds(60));
      CompletableFuture<Integer> inFlight =
          CompletableFuture.supplyAsync(() -> status(base + "/repos/prometheus/prometheus"));
      assertThat(upstream.takeRequest(10, SECONDS)).as("request reached the upstream").isNotNull();

      long signalled = System.nanoTime();
      jar.terminate();
      Thread.sleep(300); // the connector closes at once; the drain takes the upstream's delay

      assertThatThrownBy(() -> status(base + "/metrics"))
          .as("a new connection while draining")
          .hasRootCauseInstanceOf(ConnectException.class);
      assertThat(inFlight.get(15, SECONDS)).as("the request in flight").isEqualTo(200);
      assertThat(jar.awaitExit(Duration.ofSeconds(15))).as("exit status").isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - signalled))
          .isLessThan(Duration.ofSeconds(10));
      assertThat(jar.output()).doesNotContain("Exception");
    }
  }

  /** A fresh client per call: no pooled connection may hide a refused one. */
  private static int status(String url) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .build();
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
