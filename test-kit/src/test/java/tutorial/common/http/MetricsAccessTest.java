package tutorial.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Counter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tutorial.common.settings.ServiceSettings;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/** The optional protection of {@code /metrics}: off by default, as in the tutorial. */
class MetricsAccessTest {

  private static RunningService start(ServiceSettings settings) {
    return RunningService.start(
        settings,
        registry -> {
          Counter.builder().name("test_events").help("Events").register(registry).inc();
          return routes -> {
            routes.get("/", ctx -> ctx.result("open"));
            RunningService.metricsOnly(registry).addRoutes(routes);
          };
        });
  }

  @Test
  void openByDefault() {
    try (RunningService service = start(TestSettings.service())) {
      assertThat(service.get("/metrics").status()).isEqualTo(200);
    }
  }

  @Test
  void aBearerTokenIsRequiredOnceSet() {
    try (RunningService service = start(TestSettings.service("--metrics-token=s3cret"))) {
      Reply anonymous = service.get("/metrics");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(anonymous.text())
          .isEqualTo(
              "{\"status\":401,\"error\":\"Unauthorized\","
                  + "\"message\":\"/metrics needs the configured credentials\"}");

      assertThat(service.get("/metrics", "Authorization", "Bearer wrong").status()).isEqualTo(401);
      assertThat(service.get("/metrics", "Authorization", "Bearer s3cre").status()).isEqualTo(401);
      Reply allowed = service.get("/metrics", "Authorization", "Bearer s3cret");
      assertThat(allowed.status()).isEqualTo(200);
      assertThat(allowed.text()).contains("test_events_total 1.0");

      // only the scrape is protected: the app's routes and the health check stay open
      assertThat(service.get("/").status()).isEqualTo(200);
      assertThat(service.get("/health").status()).isEqualTo(200);
    }
  }

  @Test
  void basicAuthAsPrometheusSendsIt() {
    try (RunningService service =
        start(
            TestSettings.service(
                "--metrics-username=prometheus", "--metrics-password=pa:ss wörd"))) {
      assertThat(service.get("/metrics").header("WWW-Authenticate")).startsWith("Basic");
      assertThat(service.get("/metrics", "Authorization", basic("prometheus", "wrong")).status())
          .isEqualTo(401);
      assertThat(
              service.get("/metrics", "Authorization", basic("prometheus", "pa:ss wörd")).status())
          .isEqualTo(200);
    }
  }

  @Test
  void aHalfSetLoginIsRefusedRatherThanLeftOpen() {
    assertThatThrownBy(() -> TestSettings.service("--metrics-username=prometheus").metricsAccess())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must both be set");
    assertThatThrownBy(
            () ->
                TestSettings.service(
                        "--metrics-username=prometheus",
                        "--metrics-password=x",
                        "--metrics-token=t")
                    .metricsAccess())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> TestSettings.service("--metrics-token= ").metricsAccess())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
