package tutorial.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Counter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tutorial.testkit.Golden;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * The shared {@code GET /metrics} route and its neighbours, on a service whose only metric is one
 * counter: the Java side of the tutorial's {@code generate_latest()} route, and what it adds
 * (content negotiation, gzip, filters, JSON errors).
 */
class MetricsEndpointTest {

  private static final String TEXT_0_0_4 = "text/plain; version=0.0.4; charset=utf-8";
  private static final String OPENMETRICS =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private static final String PROTOBUF =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

  // JVM metrics off: these tests read whole scrapes of one known counter
  private final RunningService service =
      RunningService.start(
          TestSettings.service("--jvm-metrics=false"),
          registry -> {
            Counter.builder()
                .name("test_events")
                .help("Events seen by the test")
                .register(registry)
                .inc();
            return RunningService.metricsOnly(registry);
          });

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void answersTheTextFormatByDefault() {
    // identity: OkHttp otherwise asks for gzip by itself and drops Content-Length when unzipping
    Reply reply = service.get("/metrics", "Accept-Encoding", "identity");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo(TEXT_0_0_4);
    // the handler sets the length itself; a wrong one would cut the scrape short or hang it
    assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.body().length));
    Golden.assertMatches(reply.text(), getClass(), "metrics.txt");
  }

  @Test
  void answersOpenMetricsWhenAskedFor() {
    Reply reply = service.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo(OPENMETRICS);
    Golden.assertMatches(reply.text(), getClass(), "metrics.openmetrics.txt");
  }

  @Test
  void answersProtobufWhenAskedFor() {
    Reply reply = service.get("/metrics", "Accept", PROTOBUF);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type"))
        .isEqualTo(
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                + " encoding=delimited");
    assertThat(reply.body()).isNotEmpty();
    // the family name is in the binary as plain bytes
    assertThat(new String(reply.body(), StandardCharsets.ISO_8859_1)).contains("test_events_total");
  }

  @Test
  void gzipsWhenTheScraperAcceptsIt() throws IOException {
    // Setting Accept-Encoding ourselves stops OkHttp from unzipping, so we see the raw bytes.
    Reply reply = service.get("/metrics", "Accept-Encoding", "gzip");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(reply.header("Content-Type")).isEqualTo(TEXT_0_0_4);
    try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(reply.body()))) {
      // compressed once, by the scrape handler; Javalin must not compress it a second time
      assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(Golden.read(getClass(), "metrics.txt"));
    }
  }

  @Test
  void nameFilterKeepsOnlyTheNamedFamilies() {
    assertThat(service.scrape("test_events")).isEqualTo(Golden.read(getClass(), "metrics.txt"));
    assertThat(service.scrape("test_events_total"))
        .isEqualTo(Golden.read(getClass(), "metrics.txt"));
    // an unknown name is not an error, only an empty scrape
    assertThat(service.scrape("no_such_metric")).isEmpty();
  }

  @Test
  void debugShowsAFormatInTheBrowser() {
    Reply text = service.get("/metrics?debug=text");
    Reply openMetrics = service.get("/metrics?debug=openmetrics");
    Reply protobuf = service.get("/metrics?debug=prometheus-protobuf");

    assertThat(text.status()).isEqualTo(200);
    assertThat(text.header("Content-Type")).startsWith("text/plain");
    assertThat(text.text()).isEqualTo(Golden.read(getClass(), "metrics.txt"));
    assertThat(openMetrics.status()).isEqualTo(200);
    assertThat(openMetrics.text()).isEqualTo(Golden.read(getClass(), "metrics.openmetrics.txt"));
    assertThat(protobuf.status()).isEqualTo(200);
    assertThat(protobuf.text()).contains("name: \"test_events_total\"");
  }

  @Test
  void anUnknownDebugFormatIsTheCallersMistake() {
    Reply reply = service.get("/metrics?debug=bogus");

    // client_java itself answers 500 here; the service makes it a 400 that names the choices
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text())
        .isEqualTo(
            "{\"status\":400,\"error\":\"Bad Request\","
                + "\"message\":\"debug must be one of text, openmetrics, prometheus-protobuf\"}");
  }

  @Test
  void headIsAnswered() {
    // Javalin answers HEAD for every GET route itself, without running the scrape
    Reply reply = service.send(new Request.Builder().url(service.url("/metrics")).head().build());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void postIsNotAllowed() {
    Reply reply = service.post("/metrics");

    assertThat(reply.status()).isEqualTo(405);
    // the path exists, so 405 rather than 404, with the methods it does answer
    assertThat(reply.header("Allow")).isEqualTo("GET");
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text())
        .isEqualTo(
            "{\"status\":405,\"error\":\"Method Not Allowed\","
                + "\"message\":\"this path answers only GET\"}");
  }

  @Test
  void healthSaysUp() {
    Reply reply = service.get("/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void anUnknownPathIsAJson404() {
    Reply reply = service.get("/no/such/page");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text())
        .isEqualTo(
            "{\"status\":404,\"error\":\"Not Found\","
                + "\"message\":\"no route GET /no/such/page in the service under test; its routes:"
                + " GET /metrics, GET /health\"}");
  }

  @Test
  void aLongPathIsQuotedInPartOnly() {
    String path = "/" + "a".repeat(6000);

    Reply reply = service.get(path);

    assertThat(reply.status()).isEqualTo(404);
    String message = reply.text();
    assertThat(message.length()).isLessThan(400);
    assertThat(message)
        .startsWith("{\"status\":404,\"error\":\"Not Found\",\"message\":\"no route GET /aaa")
        .contains("aaa... in the service under test; its routes: GET /metrics, GET /health");
  }
}
