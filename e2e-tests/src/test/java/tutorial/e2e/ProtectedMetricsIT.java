package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.counters.CountersApp;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * prometheus/prometheus-with-login.yml as shipped (but for its interval and target) scrapes a
 * counters-app whose /metrics asks for the same login.
 */
class ProtectedMetricsIT {

  static final String EXAMPLE = "prometheus-with-login.yml";

  private static final StartedResources started = new StartedResources();
  private static RunningService counters;
  private static PrometheusServer prometheus;
  private static Optional<String> skip = Optional.empty();

  @BeforeAll
  static void startProtectedServiceAndPrometheus() throws Exception {
    skip = ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS);
    if (skip.isPresent()) {
      return;
    }
    counters =
        started.add(
            RunningService.start(
                TestSettings.service("--metrics-username=prometheus", "--metrics-password=s3cret"),
                CountersApp::new));
    started.expectFreed(Services.port(counters));

    String config =
        Files.readString(PrometheusFolder.file(EXAMPLE))
            .replace("scrape_interval: 15s", "scrape_interval: 1s\n  scrape_timeout: 1s")
            .replace("localhost:5001", Services.address(counters));
    // start() waits until the one target is up: the login in the file must be accepted
    prometheus = started.add(PrometheusServer.start("login", config, List.of(), 1));
  }

  @AfterAll
  static void stop() {
    started.close();
  }

  @BeforeEach
  void skipWithoutPrometheus() {
    assumeTrue(skip.isEmpty(), skip::get);
  }

  @Test
  void prometheusScrapesWithTheLoginAndOthersAreRefused() {
    Services.assertOk(counters.get("/"));

    prometheus.awaitValue("up{job=\"counters\"}", 1);
    prometheus.awaitValue("home_page_visits_total{job=\"counters\"}", 1);
    assertThat(counters.get("/metrics").status()).as("a scrape without the login").isEqualTo(401);
  }
}
