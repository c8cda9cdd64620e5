package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tutorial.testkit.JarProcess;
import tutorial.testkit.Ports;

/**
 * {@code ./topology} as a learner runs it from the repository's root, on the shipped ports moved by
 * {@code --port-offset}, then stopped with Ctrl-C (SIGINT): it exits with status 0 and leaves
 * nothing behind, no process, no port and no temporary folder.
 */
class TopologyCommandIT {

  /** Each part's start waits up to 60 s; ./topology also builds its jars if they are stale. */
  private static final Duration START = Duration.ofMinutes(4);

  private static final Duration STOP = Duration.ofSeconds(30);

  /** Every port of the shipped configs: the suite's five services, the stores, the agents. */
  private static final List<Integer> SHIPPED_PORTS =
      List.of(5001, 5002, 5003, 5004, 5005, 8428, 9090, 9091, 9092, 9093, 9097);

  private static final Pattern LOGS = Pattern.compile("logs +(/\\S+)/logs$");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void ctrlCStopsEveryPartAndLeavesNothingBehind() throws Exception {
    Optional<String> skip =
        ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS)
            .or(() -> ExternalBinaries.missing(ExternalBinaries.Binary.VICTORIA_METRICS))
            .or(() -> ExternalBinaries.missing(ExternalBinaries.Binary.ALERTMANAGER));
    assumeTrue(skip.isEmpty(), skip::orElseThrow);
    int offset = freeOffset();
    List<Integer> ports = SHIPPED_PORTS.stream().map(port -> port + offset).toList();

    List<ProcessHandle> descendants = List.of();
    try (JarProcess topology =
        JarProcess.run(
            List.of("./topology", "--instances=1", "--traffic=false", "--port-offset=" + offset),
            DocsIT.REPO,
            Map.of())) {
      try {
        awaitLine(topology, "topology up in");
        descendants = ProcessHandle.of(topology.pid()).orElseThrow().descendants().toList();
        Path workDir = workDir(topology.output());

        assertThat(readyStatus(9090 + offset)).as("central Prometheus's /-/ready").isEqualTo(200);
        for (int agent : List.of(9091 + offset, 9092 + offset)) {
          assertThat(listens(agent)).as("an agent on %d", agent).isTrue();
        }
        assertThat(descendants)
            .extracting(p -> Path.of(p.info().command().orElse("?")).getFileName().toString())
            .as("the processes ./topology started")
            .contains("java", "prometheus", "victoria-metrics", "prometheus-alertmanager");
        assertThat(workDir).isDirectory();

        ctrlC(topology.pid());

        assertThat(topology.awaitExit(STOP)).as("exit status after Ctrl-C").isZero();
        assertThat(topology.output()).contains("stopped; nothing of the topology runs any more");
        assertThat(descendants).as("still running").noneMatch(ProcessHandle::isAlive);
        assertThat(ports).as("still taken").allMatch(Ports::isFree);
        assertThat(workDir).as("the temporary work folder").doesNotExist();
      } finally {
        System.out.println("./topology said:\n" + topology.output());
        // after a failure, what the topology did not stop must not outlive the test
        descendants.forEach(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** From 20000 up in steps of 100, the first offset at which every shipped port is free. */
  private static int freeOffset() {
    for (int offset = 20000; offset <= 50000; offset += 100) {
      int tried = offset;
      if (SHIPPED_PORTS.stream().allMatch(port -> Ports.isFree(port + tried))) {
        return offset;
      }
    }
    throw new AssertionError("no --port-offset from 20000 to 50000 leaves every shipped port free");
  }

  private static void awaitLine(JarProcess process, String text) throws InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    while (!process.output().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no \"" + text + "\" within " + START + ":\n" + process.output());
      }
      Thread.sleep(200);
    }
  }

  /** The temporary folder of the "logs" line, which ./topology deletes when it stops. */
  private static Path workDir(String output) {
    return output
        .lines()
        .map(line -> LOGS.matcher(line.strip()))
        .filter(Matcher::find)
        .map(m -> Path.of(m.group(1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no \"logs\" line in:\n" + output));
  }

  /** SIGINT, what Ctrl-C sends; the script exec'd java, so the pid is java's. */
  private static void ctrlC(long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -INT %d", pid).isZero();
  }

  private static int readyStatus(int port) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static boolean listens(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
