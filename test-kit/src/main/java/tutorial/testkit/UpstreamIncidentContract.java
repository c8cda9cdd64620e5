package tutorial.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service that calls the repository API keeps its monitoring up while the API hangs: its runnable
 * jar, with a thousand calls waiting on a hanging API, still answers the scrape, the health check
 * and a call for another repository within a second, and answers every hanging call close to its
 * read timeout (504) or at once (503), with the JSON body. Each service that calls the API runs it
 * through a one-line subclass in its integration tests.
 */
public abstract class UpstreamIncidentContract {

  static final int CALLS = 1000;
  static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  /** What a hanging call may take past its timeouts: the flood's own connection set-up. */
  static final Duration MARGIN = Duration.ofSeconds(2);

  static final Duration PROMPT = Duration.ofSeconds(1);

  private final String module;
  private final String family;

  protected UpstreamIncidentContract(String module, String family) {
    this.module = module;
    this.family = family;
  }

  @Test
  public void aThousandCallsHangingOnTheApiLeaveTheScrapeAndTheOtherRoutesPrompt()
      throws Exception {
    try (HangingApi api = HangingApi.start(Duration.ofSeconds(20));
        JarProcess service =
            JarProcess.start(
                module,
                Map.of(),
                "--port=0",
                "--host=127.0.0.1",
                "--offline=false",
                "--github-api-url=" + api.baseUrl(),
                "--connect-timeout=" + CONNECT_TIMEOUT.toSeconds() + "s",
                "--read-timeout=" + READ_TIMEOUT.toSeconds() + "s")) {
      URI base = URI.create("http://127.0.0.1:" + service.awaitPort(Duration.ofSeconds(60)) + "/");
      List<URI> probes =
          List.of(
              base.resolve("/metrics"),
              base.resolve("/health"),
              base.resolve("/repos/prometheus/prometheus"));
      // a service in production has answered its scrapes for a while before the API hangs
      for (int i = 0; i < 5; i++) {
        Incident.probe(probes);
      }

      Incident.Report report =
          Incident.run(base, CALLS, "/repos/" + HangingApi.HANGING, Duration.ofMillis(500), probes);
      System.out.printf(
          "%s: %d hanging calls: %d x 504, %d x 503, slowest %d ms; probes %s%n",
          module,
          CALLS,
          report.count(504),
          report.count(503),
          report.slowestHanging().toMillis(),
          report.probes());

      for (Incident.Answer probe : report.probes()) {
        assertThat(probe.status()).as("%s", probe).isEqualTo(200);
        assertThat(probe.took()).as("%s", probe).isLessThan(PROMPT);
      }
      assertThat(report.hanging())
          .allSatisfy(
              call -> {
                assertThat(call.status()).as("%s", call).isIn(503, 504);
                assertThat(call.isJson()).as("%s: %s", call, call.body()).isTrue();
                assertThat(call.body()).startsWith("{\"status\":" + call.status() + ",");
                assertThat(call.took())
                    .as("%s", call)
                    .isLessThan(CONNECT_TIMEOUT.plus(READ_TIMEOUT).plus(MARGIN));
              });
      assertThat(report.count(504)).as("calls that waited for the API").isPositive();
      // every call is observed, refused or not: the incident shows in Prometheus
      String scrape = report.probe("/metrics").body();
      assertThat(count(base, family)).isGreaterThanOrEqualTo(CALLS + 1);
      assertThat(scrape).contains("# TYPE " + family);
    }
  }

  private static double count(URI base, String family) {
    return Incident.probe(List.of(base.resolve("/metrics?name[]=" + family)))
        .get(0)
        .body()
        .lines()
        .filter(line -> line.startsWith(family + "_count"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
