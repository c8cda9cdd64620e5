package tutorial.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import tutorial.testkit.JarProcess;

/**
 * The access log, on by default, batches its lines off the request threads: every line of a burst
 * must still be written, the last ones too when SIGTERM stops the service right after the burst.
 */
class AccessLogJarIT {

  private static final int BURST = 3000;
  private static final int IN_FLIGHT = 32;

  @Test
  void everyLineOfABurstIsWrittenAndKeptAcrossAGracefulStop() throws Exception {
    try (JarProcess service =
        JarProcess.start("counters-app", Map.of(), "--port=0", "--host=127.0.0.1")) {
      URI home = URI.create("http://127.0.0.1:" + service.awaitPort(Duration.ofSeconds(60)) + "/");
      HttpClient client = HttpClient.newHttpClient();
      Semaphore inFlight = new Semaphore(IN_FLIGHT);
      List<CompletableFuture<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        inFlight.acquire();
        answers.add(
            client
                .sendAsync(
                    HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .whenComplete((status, failure) -> inFlight.release()));
      }
      assertThat(answers.stream().map(CompletableFuture::join)).containsOnly(200);

      // at once: the last lines are still in the log's buffer
      service.terminate();

      assertThat(service.awaitExit(Duration.ofSeconds(30))).isZero();
      Thread.sleep(200); // the last lines through the pipe
      List<String> lines =
          service.output().lines().filter(l -> l.contains("\"GET / HTTP/1.1\"")).toList();
      assertThat(lines).hasSize(BURST);
      assertThat(lines)
          .allMatch(l -> l.matches("127\\.0\\.0\\.1 \"GET / HTTP/1\\.1\" 200 33 bytes \\d+ ms"));
    }
  }
}
