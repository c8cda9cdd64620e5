package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tutorial.testkit.JarProcess;
import tutorial.testkit.Ports;

/**
 * {@code ./scrape PORT}: a chapter started on a port other than the shipped config's 5000, as
 * {@code PORT=8080 ./run counters-app} starts it, is scraped by the Prometheus that the command
 * starts, as job {@code tutorial}, and the command says where that Prometheus's UI is.
 */
class ScrapeCommandIT {

  private static final Pattern UI = Pattern.compile("UI: +http://127\\.0\\.0\\.1:(\\d+)/");
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration STOP = Duration.ofSeconds(30);
  // Prometheus applies new targets on a 5 s tick, then scrapes within its 15 s interval
  private static final Duration FIRST_SCRAPE = Duration.ofSeconds(45);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aChapterOnAnyPortIsScrapedAsTheTutorialsJob() throws Exception {
    Optional<String> skip = ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS);
    assumeTrue(skip.isEmpty(), skip::orElseThrow);
    int port = Ports.free();
    try (JarProcess chapter =
            JarProcess.start(
                Services.jar("counters-app"),
                DocsIT.REPO,
                Map.of("PORT", String.valueOf(port), "HOST", "127.0.0.1"));
        JarProcess scrape =
            JarProcess.run(List.of("./scrape", String.valueOf(port)), DocsIT.REPO, Map.of())) {
      chapter.awaitPort(START);
      int web = uiPort(scrape);
      try {
        JsonNode up = awaitUp(web);

        assertThat(up.path("metric").path("job").asText()).isEqualTo("tutorial");
        assertThat(up.path("metric").path("instance").asText()).isEqualTo("localhost:" + port);
      } finally {
        // Ctrl-C's way out: the script stops its Prometheus and removes its folder
        scrape.terminate();
        assertThat(scrape.awaitExit(STOP)).as(scrape.output()).isZero();
      }
      assertThat(Ports.isFree(web)).as("Prometheus's port %d after the stop", web).isTrue();
    }
  }

  private static int uiPort(JarProcess scrape) throws InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher ui = UI.matcher(scrape.output());
      if (ui.find()) {
        return Integer.parseInt(ui.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("./scrape never said where its UI is:\n" + scrape.output());
  }

  private static JsonNode awaitUp(int web) throws Exception {
    String query = URLEncoder.encode("up{job=\"tutorial\"}", StandardCharsets.UTF_8);
    URI uri = URI.create("http://127.0.0.1:" + web + "/api/v1/query?query=" + query);
    long deadline = System.nanoTime() + FIRST_SCRAPE.toNanos();
    JsonNode result = JSON.createArrayNode();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer =
          HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      result = JSON.readTree(answer.body()).path("data").path("result");
      if (result.size() == 1 && result.get(0).path("value").path(1).asText().equals("1")) {
        return result.get(0);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("up{job=\"tutorial\"} never became 1: " + result);
  }
}
