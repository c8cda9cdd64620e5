package tutorial.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The topology's webhook receiver on a free loopback port, sent what Alertmanager sends: each alert
 * of a notification becomes one line; anything else is refused with a short reason and logs
 * nothing.
 */
class AlertLogTest {

  /** A notification Alertmanager 0.25 posted to the alert log in a real run of ./topology. */
  private static final String SERVICE_DOWN =
      """
      {"receiver":"alert-log","status":"firing","alerts":[{"status":"firing","labels":\
      {"alertname":"ServiceDown","instance":"127.0.0.1:45499","job":"histograms","region":"us",\
      "severity":"critical"},"annotations":{"description":"Prometheus could not scrape \
      127.0.0.1:45499 for more than 1 minute.","summary":"histograms at 127.0.0.1:45499 is down"},\
      "startsAt":"2026-12-02T12:41:15.545Z","endsAt":"0001-01-01T00:00:00Z",\
      "generatorURL":"http://vm:38667/graph?g0.expr=up+%3D%3D+0&g0.tab=1",\
      "fingerprint":"e235493991bc02b8"}],"groupLabels":{"alertname":"ServiceDown","region":"us"},\
      "commonLabels":{"alertname":"ServiceDown","instance":"127.0.0.1:45499","job":"histograms",\
      "region":"us","severity":"critical"},"commonAnnotations":{"description":"Prometheus could \
      not scrape 127.0.0.1:45499 for more than 1 minute.","summary":"histograms at \
      127.0.0.1:45499 is down"},"externalURL":"http://vm:39379","version":"4",\
      "groupKey":"{}:{alertname=\\"ServiceDown\\", region=\\"us\\"}","truncatedAlerts":0}\
      """;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private AlertLog alertLog;

  @BeforeEach
  void start() {
    alertLog = AlertLog.start("127.0.0.1", 0, logged::add);
  }

  @AfterEach
  void stop() {
    alertLog.close();
  }

  private HttpResponse<String> send(String method, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertLog.port() + AlertLog.PATH))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String body) throws Exception {
    return send("POST", body);
  }

  @Test
  void aFiringAlertIsOneLineWithItsLabelsAndSummary() throws Exception {
    HttpResponse<String> response = post(SERVICE_DOWN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(logged)
        .containsExactly(
            "firing ServiceDown {instance=\"127.0.0.1:45499\", job=\"histograms\","
                + " region=\"us\", severity=\"critical\"}: histograms at 127.0.0.1:45499 is down");
  }

  @Test
  void aResolvedAlertSaysResolved() throws Exception {
    String resolved =
        SERVICE_DOWN
            .replace("\"status\":\"firing\"", "\"status\":\"resolved\"")
            .replace("0001-01-01T00:00:00Z", "2026-12-02T12:45:15.545Z");

    assertThat(post(resolved).statusCode()).isEqualTo(200);
    assertThat(logged)
        .containsExactly(
            "resolved ServiceDown {instance=\"127.0.0.1:45499\", job=\"histograms\","
                + " region=\"us\", severity=\"critical\"}: histograms at 127.0.0.1:45499 is down");
  }

  @Test
  void eachAlertOfAGroupIsALineOfItsOwnInTheNotificationsOrder() throws Exception {
    String group =
        """
        {"receiver":"alert-log","status":"firing","version":"4","alerts":[
          {"status":"firing","labels":{"alertname":"ServiceDown","instance":"127.0.0.1:5002",
            "job":"counters","region":"eu","severity":"critical"},
            "annotations":{"summary":"counters at 127.0.0.1:5002 is down"}},
          {"status":"resolved","labels":{"alertname":"ServiceDown","instance":"127.0.0.1:5004",
            "job":"histograms","region":"eu","severity":"critical"},
            "annotations":{"summary":"histograms at 127.0.0.1:5004 is down"}},
          {"status":"firing","labels":{"alertname":"Watchdog"},"annotations":{}}]}\
        """;

    assertThat(post(group).statusCode()).isEqualTo(200);
    assertThat(logged)
        .containsExactly(
            "firing ServiceDown {instance=\"127.0.0.1:5002\", job=\"counters\", region=\"eu\","
                + " severity=\"critical\"}: counters at 127.0.0.1:5002 is down",
            "resolved ServiceDown {instance=\"127.0.0.1:5004\", job=\"histograms\","
                + " region=\"eu\", severity=\"critical\"}: histograms at 127.0.0.1:5004 is down",
            "firing Watchdog {}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "firing ServiceDown",
        "{\"alerts\": [",
        "{}",
        "[]",
        "{\"alerts\": \"ServiceDown\"}",
        "{\"alerts\": [1]}",
        "{\"alerts\": [{}]}",
        "{\"alerts\": [{\"status\": \"firing\", \"labels\": {}}]}",
        "{\"alerts\": [{\"labels\": {\"alertname\": \"ServiceDown\"}}]}"
      })
  void whatIsNotANotificationIsRefusedWithAShortReasonAndLogsNothing(String body) throws Exception {
    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).as("status for %s", body).isEqualTo(400);
    assertThat(response.body()).as("reason for %s", body).isNotBlank().hasSizeLessThan(200);
    assertThat(logged).isEmpty();
  }

  @Test
  void aWrongMethodIsRefusedAndLogsNothing() throws Exception {
    for (String method : List.of("GET", "PUT", "DELETE")) {
      HttpResponse<String> response = send(method, SERVICE_DOWN);

      assertThat(response.statusCode()).as(method).isBetween(400, 499);
      assertThat(response.body()).as(method).hasSizeLessThan(200);
    }
    assertThat(logged).isEmpty();
  }
}
