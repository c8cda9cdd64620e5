package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tutorial.testkit.JarProcess;

/**
 * A learner without internet: the service's jar started with {@code OFFLINE=true}, the tutorial's
 * three calls, then {@code ./compare --step} on the chapter's step says "same", as the tutorial's
 * own run printed it.
 */
class OfflineTutorialStepsIT {

  private static final Duration START = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0} with {1}: {2}")
  @CsvSource({
    "histograms-app, HISTOGRAM_BUCKETS=python, histograms/after-three-calls",
    "histograms-app, HISTOGRAM_BUCKETS=tutorial, histograms/after-three-calls.tutorial-buckets",
    "summaries-app, SUMMARY_QUANTILES=false, summaries/after-three-calls",
  })
  void theThreeCallsGiveTheTutorialsOutput(String module, String setting, String step)
      throws IOException, InterruptedException {
    String[] variable = setting.split("=", 2);
    Map<String, String> env =
        Map.of("OFFLINE", "true", variable[0], variable[1], "REQUEST_LOG", "false");
    try (JarProcess service =
        JarProcess.start(Services.jar(module), DocsIT.REPO, env, "--port=0", "--host=127.0.0.1")) {
      int port = service.awaitPort(START);
      for (String repository :
          new String[] {"prometheus/prometheus", "apache/kafka", "moby/moby"}) {
        HttpResponse<String> answer = get("http://127.0.0.1:" + port + "/repos/" + repository);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      }

      try (JarProcess compare =
          JarProcess.start(
              Services.jar("compare-tool"),
              DocsIT.REPO,
              Map.of(),
              "--step",
              step,
              "http://127.0.0.1:" + port + "/metrics")) {
        assertThat(compare.awaitExit(START)).as(compare.output()).isZero();
        assertThat(compare.output()).contains("same, 0 differ");
      }
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
