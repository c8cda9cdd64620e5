package tutorial.testkit;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * The tutorial's three repository calls ("First test", "Second test", "Third test") against a
 * MockWebServer standing in for api.github.com: the histogram and summary chapters replay them.
 */
public final class TutorialRepositories {

  public static final String PROMETHEUS_JSON =
      "{\"id\":6838921,\"name\":\"prometheus\",\"full_name\":\"prometheus/prometheus\","
          + "\"owner\":{\"login\":\"prometheus\",\"type\":\"Organization\"},"
          + "\"language\":\"Go\",\"stargazers_count\":55000}";
  public static final String KAFKA_JSON =
      "{\"id\":2211243,\"name\":\"kafka\",\"full_name\":\"apache/kafka\","
          + "\"owner\":{\"login\":\"apache\",\"type\":\"Organization\"},"
          + "\"language\":\"Java\",\"stargazers_count\":28000}";
  public static final String MOBY_JSON =
      "{\"id\":7691631,\"name\":\"moby\",\"full_name\":\"moby/moby\","
          + "\"owner\":{\"login\":\"moby\",\"type\":\"Organization\"},"
          + "\"language\":\"Go\",\"stargazers_count\":68000}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TutorialRepositories() {}

  /**
   * The upstream answers each call after {@code upstreamMillis}; the service answers with the
   * upstream's JSON; the upstream was asked for exactly these three repositories, nothing else.
   */
  public static void callTheThree(RunningService service, MockWebServer github, long upstreamMillis)
      throws InterruptedException {
    for (String json : new String[] {PROMETHEUS_JSON, KAFKA_JSON, MOBY_JSON}) {
      github.enqueue(
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", "application/json; charset=utf-8")
              .body(json)
              .bodyDelay(upstreamMillis, MILLISECONDS)
              .build());
    }

    // curl http://$server1:5000/repos/prometheus/prometheus
    assertAnswersJson(service.get("/repos/prometheus/prometheus"), PROMETHEUS_JSON);
    // curl http://$server1:5000/repos/apache/kafka
    assertAnswersJson(service.get("/repos/apache/kafka"), KAFKA_JSON);
    // curl http://$server1:5000/repos/moby/moby
    assertAnswersJson(service.get("/repos/moby/moby"), MOBY_JSON);

    assertThat(github.takeRequest().getTarget()).isEqualTo("/repos/prometheus/prometheus");
    assertThat(github.takeRequest().getTarget()).isEqualTo("/repos/apache/kafka");
    assertThat(github.takeRequest().getTarget()).isEqualTo("/repos/moby/moby");
    assertThat(github.getRequestCount()).isEqualTo(3);
  }

  /** Our answer is the upstream's JSON: the same document, whatever its spacing. */
  public static void assertAnswersJson(Reply reply, String upstreamJson) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    try {
      assertThat(JSON.readTree(reply.text())).isEqualTo(JSON.readTree(upstreamJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
