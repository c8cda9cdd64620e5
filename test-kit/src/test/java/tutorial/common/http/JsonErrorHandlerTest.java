package tutorial.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tutorial.testkit.RawHttp;
import tutorial.testkit.RunningService;

/** What Jetty refuses before any route runs still gets the services' JSON error body. */
class JsonErrorHandlerTest {

  private final RunningService service = RunningService.start(RunningService::metricsOnly);

  @AfterEach
  void stop() {
    service.close();
  }

  private RawHttp.Answer get(String target, String... headers) {
    return RawHttp.send(service.url("/").port(), "GET", target, headers, new byte[0]);
  }

  @Test
  void aBrokenPercentEncodingIs400() {
    RawHttp.Answer answer = get("/%zz");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
    assertThat(answer.text()).startsWith("{\"status\":400,\"error\":\"Bad Request\",\"message\":");
  }

  @Test
  void aTooLongUriIs414() {
    RawHttp.Answer answer = get("/" + "a".repeat(20_000));

    assertThat(answer.status()).isEqualTo(414);
    assertThat(answer.text()).startsWith("{\"status\":414,\"error\":\"URI Too Long\"");
  }

  @Test
  void tooLargeHeadersAre431() {
    RawHttp.Answer answer = get("/", "X-Padding: " + "a".repeat(20_000));

    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
    assertThat(answer.text()).startsWith("{\"status\":431,");
  }
}
