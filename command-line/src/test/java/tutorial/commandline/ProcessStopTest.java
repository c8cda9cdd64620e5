package tutorial.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A process stopped as Ctrl-C stops it, killed when it will not stop, and its children with it. */
@DisabledOnOs(OS.WINDOWS)
class ProcessStopTest {

  private static final Duration GRACE = Duration.ofMillis(300);

  @Test
  void aProcessThatHonoursSigtermExitsWithinTheGrace() throws IOException {
    Process process = sh("exec sleep 60");

    long started = System.nanoTime();
    ProcessStop.stop(process, Duration.ofSeconds(30));

    assertThat(process.isAlive()).isFalse();
    assertThat(process.exitValue()).as("killed by SIGTERM: 128 + 15").isEqualTo(143);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aProcessThatIgnoresSigtermIsKilledAfterTheGrace() throws IOException, InterruptedException {
    Process process = sh("trap '' TERM; echo trapped; while :; do sleep 0.05; done");
    awaitFirstLine(process);

    long started = System.nanoTime();
    ProcessStop.stop(process, GRACE);

    assertThat(process.isAlive()).isFalse();
    assertThat(process.exitValue()).as("killed by SIGKILL: 128 + 9").isEqualTo(137);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(GRACE);
  }

  @Test
  void withDescendantsNoChildOutlivesItsParent() throws IOException, InterruptedException {
    Process process = sh("sleep 60 & echo started; wait");
    awaitFirstLine(process);
    List<ProcessHandle> children = process.descendants().toList();
    assertThat(children).as("the shell's sleep").isNotEmpty();

    ProcessStop.stopWithDescendants(process, GRACE);

    assertThat(process.isAlive()).isFalse();
    for (ProcessHandle child : children) {
      child.onExit().orTimeout(5, TimeUnit.SECONDS).join();
    }
  }

  @Test
  void killDoesNotWaitForAGracefulStop() throws IOException {
    Process process = sh("trap '' TERM; while :; do sleep 0.05; done");

    ProcessStop.kill(process, Duration.ofSeconds(10));

    assertThat(process.isAlive()).isFalse();
    assertThat(process.exitValue()).isEqualTo(137);
  }

  @Test
  void aProcessThatHasEndedIsLeftAsItIs() throws IOException, InterruptedException {
    Process process = sh("exit 3");
    process.waitFor();

    ProcessStop.stop(process, GRACE);
    ProcessStop.stopWithDescendants(process, GRACE);

    assertThat(process.exitValue()).isEqualTo(3);
  }

  private static Process sh(String script) throws IOException {
    return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
  }

  /** Waits for the script's first line, printed once its trap or its child is in place. */
  private static void awaitFirstLine(Process process) throws IOException {
    assertThat(process.getInputStream().read()).as("the script's first line").isNotEqualTo(-1);
  }
}
