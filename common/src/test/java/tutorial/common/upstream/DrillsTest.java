package tutorial.common.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadGatewayResponse;
import io.javalin.http.GatewayTimeoutResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tutorial.common.RepositoryName;

/**
 * Each drill as the service's client meets it: the stand-in broken through its switch, the client's
 * answers and counted failures, and the stand-in as before once the drill is off.
 */
class DrillsTest {

  private static final RepositoryName PROMETHEUS = new RepositoryName("prometheus", "prometheus");
  private static final RepositoryName KAFKA = new RepositoryName("apache", "kafka");
  private static final Duration READ_TIMEOUT = Duration.ofMillis(400);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UpstreamStandIn standIn = UpstreamStandIn.start(false);
  private final DrillControl control = DrillControl.open(0, standIn);
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final GitHubClient client =
      new GitHubClient(
          standIn.baseUrl(),
          null,
          Duration.ofSeconds(1),
          READ_TIMEOUT,
          8,
          List.of(),
          UpstreamCalls.countedIn(registry));

  @AfterEach
  void stop() {
    control.close();
    standIn.close();
  }

  private HttpResponse<String> send(String method, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(control.baseUrl() + DrillControl.PATH))
            .timeout(Duration.ofSeconds(5));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode switchOn(String drill, String grade) throws Exception {
    String body =
        grade == null
            ? "{\"drill\":\"" + drill + "\"}"
            : "{\"drill\":\"" + drill + "\",\"grade\":\"" + grade + "\"}";
    HttpResponse<String> response = send("PUT", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private void switchOff() throws Exception {
    assertThat(send("DELETE", null).statusCode()).isEqualTo(200);
  }

  private double count(String family, String label) {
    for (var snapshot : registry.scrape()) {
      if (snapshot instanceof CounterSnapshot counter
          && counter.getMetadata().getName().equals(family)) {
        for (var point : counter.getDataPoints()) {
          Labels labels = point.getLabels();
          boolean wanted =
              label == null
                  ? labels.isEmpty()
                  : label.equals(labels.get("outcome")) || label.equals(labels.get("limit"));
          if (wanted) {
            return point.getValue();
          }
        }
      }
    }
    throw new AssertionError("no " + family + " " + label);
  }

  private long millisOf(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void everyFailureSeriesIsThereFromTheStart() {
    for (UpstreamCalls.Failure failure : UpstreamCalls.Failure.values()) {
      assertThat(count("upstream_failures", failure.label)).isZero();
    }
    assertThat(count("upstream_bulkhead_rejections", "all")).isZero();
    assertThat(count("upstream_bulkhead_rejections", "repository")).isZero();
    assertThat(count("upstream_calls", null)).isZero();
  }

  @Test
  void slowAddsItsGradeToEveryCallUntilSwitchedOff() throws Exception {
    assertThat(millisOf(() -> client.repository(PROMETHEUS))).isLessThan(200);

    JsonNode state = switchOn("slow", "+250ms");
    assertThat(state.get("drill").asText()).isEqualTo("slow");
    assertThat(state.get("grade").asText()).isEqualTo("+250ms");
    assertThat(millisOf(() -> client.repository(PROMETHEUS))).isGreaterThanOrEqualTo(250);
    assertThat(millisOf(() -> client.repository(KAFKA))).isGreaterThanOrEqualTo(250);

    switchOff();
    assertThat(millisOf(() -> client.repository(PROMETHEUS))).isLessThan(200);
    assertThat(count("upstream_calls", null)).isEqualTo(4);
    assertThat(count("upstream_failures", "timeout")).isZero();
  }

  @Test
  void errorsAnswerTheGradesShareOfCalls500() throws Exception {
    switchOn("errors", "10%");
    int failed = 0;
    for (int i = 0; i < 20; i++) {
      try {
        client.repository(PROMETHEUS);
      } catch (BadGatewayResponse e) {
        assertThat(e).hasMessage("upstream answered 500");
        failed++;
      }
    }
    assertThat(failed).isEqualTo(2);
    switchOn("errors", "50%");
    for (int i = 0; i < 20; i++) {
      try {
        client.repository(KAFKA);
      } catch (BadGatewayResponse e) {
        failed++;
      }
    }
    assertThat(failed).isEqualTo(12);
    assertThat(count("upstream_failures", "5xx")).isEqualTo(12);
    assertThat(count("upstream_calls", null)).isEqualTo(40);
  }

  @Test
  void hangHoldsCallsUntilTheClientsReadTimeout() throws Exception {
    switchOn("hang", null);
    long took =
        millisOf(
            () ->
                assertThatThrownBy(() -> client.repository(PROMETHEUS))
                    .isInstanceOf(GatewayTimeoutResponse.class));
    assertThat(took).isBetween(READ_TIMEOUT.toMillis(), 3 * READ_TIMEOUT.toMillis());
    assertThat(count("upstream_failures", "timeout")).isEqualTo(1);

    switchOff();
    client.repository(PROMETHEUS);
  }

  @Test
  void downRefusesConnectionsAlsoToAClientThatHadOne() throws Exception {
    client.repository(PROMETHEUS); // a pooled connection, kept alive
    switchOn("down", null);

    assertThatThrownBy(() -> client.repository(PROMETHEUS))
        .isInstanceOf(BadGatewayResponse.class)
        .hasMessageStartingWith("upstream unreachable: cannot reach the repository API at");
    assertThat(count("upstream_failures", "refused")).isEqualTo(1);
    // Prometheus cannot scrape a host that is down
    HttpResponse<String> scrape =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(control.baseUrl() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(send("GET", null).body()).get("listening").asBoolean()).isFalse();

    switchOff();
    assertThat(client.repository(PROMETHEUS).get("full_name").asText())
        .isEqualTo("prometheus/prometheus");
  }

  @Test
  void oneSlowRepositoryLeavesTheOthersFastAndTheBulkheadRefusesItsExcess() throws Exception {
    switchOn("slow-repository", "Prometheus/Prometheus");
    // the per-repository share of 8 is 2: two calls wait, a third is refused at once
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      waiting.add(CompletableFuture.runAsync(() -> client.repository(PROMETHEUS)));
    }
    Thread.sleep(100);
    assertThatThrownBy(() -> client.repository(PROMETHEUS))
        .isInstanceOf(ServiceUnavailableResponse.class);
    assertThat(millisOf(() -> client.repository(KAFKA))).isLessThan(200);
    for (CompletableFuture<Void> call : waiting) {
      assertThat(call).failsWithin(Duration.ofSeconds(3));
    }
    assertThat(count("upstream_bulkhead_rejections", "repository")).isEqualTo(1);
    assertThat(count("upstream_failures", "timeout")).isEqualTo(2);
  }

  @Test
  void flappingTakesTurnsDownAndUp() throws Exception {
    switchOn("flapping", "1s");
    assertThatThrownBy(() -> client.repository(PROMETHEUS)).isInstanceOf(BadGatewayResponse.class);
    Thread.sleep(1300);
    assertThat(client.repository(PROMETHEUS)).isNotNull();
    Thread.sleep(1000);
    assertThatThrownBy(() -> client.repository(PROMETHEUS)).isInstanceOf(BadGatewayResponse.class);
    switchOff();
    assertThat(client.repository(PROMETHEUS)).isNotNull();
  }

  @Test
  void aDrillEndsByItselfAfterItsTime() throws Exception {
    HttpResponse<String> on = send("PUT", "{\"drill\":\"down\",\"for\":\"1s\"}");
    assertThat(on.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> client.repository(PROMETHEUS)).isInstanceOf(BadGatewayResponse.class);
    Thread.sleep(1500);
    assertThat(client.repository(PROMETHEUS)).isNotNull();
    assertThat(JSON.readTree(send("GET", null).body()).get("drill").isNull()).isTrue();
  }

  @Test
  void badSwitchesAreRefusedWithTheReasonAndChangeNothing() throws Exception {
    switchOn("slow", "+1s");
    String[][] refused = {
      {"{\"drill\":\"meltdown\"}", "no drill 'meltdown'; the drills: slow, errors, hang,"},
      {"{\"drill\":\"errors\",\"grade\":\"150%\"}", "errors takes a grade like 10% or 50% or 100%"},
      {"{\"drill\":\"slow\",\"grade\":\"fast\"}", "slow takes a grade like +200ms or +1s"},
      {"{\"drill\":\"slow\",\"grade\":\"+11m\"}", "slow takes at most 10m"},
      {"{\"drill\":\"hang\",\"grade\":\"50%\"}", "hang takes no grade"},
      {"{\"drill\":\"slow-repository\",\"grade\":\"../x\"}", "slow-repository takes a grade like"},
      {"{\"drill\":\"down\",\"for\":\"90m\"}", "a drill lasts at most 60m"},
      {"{\"drill\":\"down\",\"for\":\"soon\"}", "is not a duration"},
      {"{}", "say which drill"},
      {"not json", "the body must be JSON"},
    };
    for (String[] bad : refused) {
      HttpResponse<String> response = send("PUT", bad[0]);
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("message").asText())
          .as(bad[0])
          .contains(bad[1]);
    }
    JsonNode state = JSON.readTree(send("GET", null).body());
    assertThat(state.get("drill").asText()).isEqualTo("slow");
    assertThat(state.get("grade").asText()).isEqualTo("+1s");
  }

  @Test
  void aServiceCallingTheRealApiRefusesEveryDrill() throws Exception {
    try (DrillControl online = DrillControl.refusing(0, "https://api.github.com")) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(online.baseUrl() + DrillControl.PATH))
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"drill\":\"slow\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(JSON.readTree(response.body()).get("message").asText())
          .isEqualTo(
              "drills break the offline stand-in, and this service calls the real repository API"
                  + " at https://api.github.com: start it with OFFLINE=true to drill");
    }
  }

  @Test
  void theStandInsOwnScrapeSaysWhichDrillRuns() throws Exception {
    switchOn("errors", "50%");
    String scrape =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(control.baseUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(scrape)
        .contains("repository_api_drill{repository_api_drill=\"errors\"} 1")
        .contains("repository_api_drill{repository_api_drill=\"none\"} 0");
  }
}
