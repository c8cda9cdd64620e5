package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tutorial.testkit.JarProcess;
import tutorial.topology.Topology;

/**
 * {@code ./drill --topology}: the topology's one stand-in for all its instances taken down through
 * its drill switch. The stand-in is a target of the topology's file (job repository-api), so its
 * {@code up} goes 0 at the central Prometheus through the agents, ServiceDown goes through
 * Alertmanager to the webhook and resolves once the drill stops; the drill's requests go to every
 * instance that calls the API, found in the central Prometheus. The shipped rules run twenty times
 * faster, as in {@link DrillsIT}.
 */
class TopologyDrillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StartedResources started = new StartedResources();
  private static AlertWebhook webhook;
  private static Topology topology;
  private static Optional<String> skip = Optional.empty();

  @BeforeAll
  static void startTheTopology() throws IOException {
    skip =
        ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS)
            .or(() -> ExternalBinaries.missing(ExternalBinaries.Binary.VICTORIA_METRICS))
            .or(() -> ExternalBinaries.missing(ExternalBinaries.Binary.ALERTMANAGER));
    if (skip.isPresent()) {
      return;
    }
    webhook = AlertWebhook.start(started);
    topology =
        started.add(
            Topology.start(
                new Topology.Plan(
                    withFasterRules(Files.createTempDirectory("topology-drill-config-")),
                    Services.jar("suite-app"),
                    null,
                    2,
                    false,
                    Topology.Ports.free(),
                    webhook.url(),
                    List.of(
                        "--services=histograms-app,summaries-app",
                        "--stand-in-latency=false",
                        "--read-timeout=3s"))));
  }

  /** The shipped prometheus/ folder, its rules twenty times faster. */
  private static Path withFasterRules(Path dir) throws IOException {
    Path shipped = PrometheusFolder.dir();
    Files.createDirectories(dir.resolve("topology"));
    try (Stream<Path> files =
        Stream.concat(Files.list(shipped), Files.list(shipped.resolve("topology")))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        Files.copy(
            file, dir.resolve(shipped.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    DrillsIT.fasterRules(dir);
    return dir;
  }

  @AfterAll
  static void stopEverything() {
    started.close();
  }

  @Test
  void downTakesTheSharedStandInDownAndServiceDownFiresAndResolvesAtTheWebhook() throws Exception {
    assumeTrue(skip.isEmpty(), skip::get);
    PrometheusServer central = PrometheusServer.at("central", topology.url(Topology.Part.CENTRAL));
    central.await(
        "up{job=~\"repository-api|histograms|summaries\"} == 1",
        answer -> answer.size() == 5,
        "the stand-in and the 4 instances up",
        Duration.ofSeconds(60));
    int drillPort = URI.create(topology.url(Topology.Part.DRILLS)).getPort();

    try (JarProcess drill =
        JarProcess.start(
            Services.jar("drill-tool"),
            Path.of(""),
            Map.of(),
            "--topology",
            "--drill-port=" + drillPort,
            "--prometheus=" + central.baseUrl(),
            "--for=35s",
            "--every=2s",
            "--resolve-wait=120s",
            "down")) {
      int status = drill.awaitExit(Duration.ofSeconds(240));
      String output = drill.output();
      System.out.println("./drill --topology down printed:\n" + output);
      assertThat(status).as(output).isZero();
      assertThat(output)
          .containsPattern(
              "traffic: 10 requests/s to /repos/\\.\\.\\. of (127\\.0\\.0\\.1:\\d+, ){3}127\\.0\\.0\\.1:\\d+\\n")
          .contains(
              "ServiceDown firing", "ServiceDown resolved", "every alert of the drill resolved");
    }
    PrometheusServer.poll(
        () ->
            webhook.first("ServiceDown", "job", "repository-api", true).isPresent()
                && webhook.first("ServiceDown", "job", "repository-api", false).isPresent(),
        seen -> seen,
        "the webhook's notifications",
        "ServiceDown of repository-api firing, then resolved",
        Duration.ofSeconds(60));
  }
}
