package tutorial.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tutorial.testkit.Golden;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;

/**
 * The tutorial's chapter "Additional Custom Metric Types": an Info and an Enum (a StateSet in
 * client_java), plus the routes that read and change the state, which are this port's addition.
 */
class CustomMetricsAppTest {

  private final RunningService service = RunningService.start(CustomMetricsApp::new);

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void infoAndStateAreSetAtStart() {
    // curl -s http://$server1:5000/metrics | grep application_info  (and application_state)
    // The text format has no info or stateset type: both are gauges there, with values 1 and 0.
    Golden.assertMatchesStep(
        service.scrape("application_info", "application_state"), "custommetrics/at-start");
  }

  @Test
  void openMetricsShowsTheInfoAndStatesetTypes() {
    Reply reply =
        service.get(
            "/metrics?name[]=application_info&name[]=application_state",
            "Accept",
            "application/openmetrics-text; version=1.0.0");

    // OpenMetrics names an info family without its _info suffix: family "application",
    // sample "application_info"
    assertThat(reply.header("Content-Type"))
        .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
    Golden.assertMatchesStep(reply.text(), "custommetrics/at-start.openmetrics");
  }

  @Test
  void getStateAnswersTheCurrentState() {
    Reply reply = service.get("/state");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text()).isEqualTo("{\"state\":\"running\"}");
  }

  @Test
  void postingAStateSetsItAndClearsTheOldOne() {
    // Python's state.state('stopped'); a StateSet's setTrue alone would leave "running" at 1 too
    Reply reply = service.post("/state/stopped");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text()).isEqualTo("{\"state\":\"stopped\"}");
    assertThat(service.get("/state").text()).isEqualTo("{\"state\":\"stopped\"}");

    String scrape = service.scrape("application_info", "application_state");
    assertThat(scrape.lines().filter(line -> line.startsWith("application_state{")))
        .as("an Enum has exactly one state at 1")
        .filteredOn(line -> line.endsWith(" 1"))
        .containsExactly("application_state{application_state=\"stopped\"} 1");
    Golden.assertMatchesStep(scrape, "custommetrics/after-stop");
  }

  @Test
  void postingTheCurrentStateAgainKeepsIt() {
    // setting "running" while running must not clear it on the way
    Reply reply = service.post("/state/running");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo("{\"state\":\"running\"}");
    Golden.assertMatchesStep(
        service.scrape("application_info", "application_state"), "custommetrics/at-start");
  }

  @Test
  void anUnknownStateIsABadRequestAndChangesNothing() {
    Reply reply = service.post("/state/bogus");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text())
        .isEqualTo(
            "{\"status\":400,\"error\":\"Bad Request\","
                + "\"message\":\"state must be one of loading, missing, running, stopped\"}");
    assertThat(service.get("/state").text()).isEqualTo("{\"state\":\"running\"}");
    Golden.assertMatchesStep(
        service.scrape("application_info", "application_state"), "custommetrics/at-start");
  }

  @Test
  void getOnAStateIsTheWrongMethod() {
    // a change of state is a POST, so that a link, a prefetch or a crawler cannot make it
    Reply reply = service.get("/state/stopped");

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("POST");
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text())
        .isEqualTo(
            "{\"status\":405,\"error\":\"Method Not Allowed\","
                + "\"message\":\"this path answers only POST\"}");
    Golden.assertMatchesStep(
        service.scrape("application_info", "application_state"), "custommetrics/at-start");
  }
}
