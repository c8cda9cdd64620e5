package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher as a learner meets it: in a real terminal (a tmux pane, on a server of its own), its
 * keys read one by one through JLine, its files saved by hand.
 */
class WatcherTerminalTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  private final String server = "exercise-test-" + UUID.randomUUID();

  @TempDir Path folder;

  @BeforeEach
  void startTheWatcherInATerminal() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    tmux(
        "new-session",
        "-d",
        "-x",
        "160",
        "-y",
        "50",
        "env",
        "LANG=C.UTF-8",
        java,
        "-cp",
        System.getProperty("java.class.path"),
        ExerciseCommand.class.getName(),
        "--dir",
        folder.toString());
  }

  @AfterEach
  void stopTheTerminal() throws Exception {
    tmux("kill-server");
  }

  @Test
  void aSavedFixShowsTheTickAndTheNextExercise() throws Exception {
    awaitScreen("✗ counters-declare: `home_page_visits_total` is missing");
    Exercise first = Fixes.named("counters-declare");

    Files.writeString(new Workspace(folder).file(first), Fixes.fixed(first));

    awaitScreen("✓ counters-declare: done");
    awaitScreen("Next: counters-count. Press n to go on");
    awaitScreen("[██░░░░░░░░░░░░░░░░░░░░░░░░]  1/13 done");
    keys("n");
    awaitScreen("✗ counters-count: After 2 visits to / and 1 to /about, neither counter moved");
  }

  @Test
  void hShowsTheHint() throws Exception {
    awaitScreen("h hint · l list · n next · r reset · q quit");

    keys("h");

    awaitScreen("Hint for counters-declare: The tutorial's using_counters.py defines");
  }

  @Test
  void rRestoresTheStarterAndKeepsTheLearnersCopy() throws Exception {
    awaitScreen("h hint · l list · n next · r reset · q quit");
    Exercise first = Fixes.named("counters-declare");
    Path file = new Workspace(folder).file(first);
    String mine =
        Workspace.starter(first).replace("public final class", "// mine\npublic final class");
    Files.writeString(file, mine);
    awaitScreen("✗ counters-declare:", 2); // the save's check, before the key

    keys("r");

    awaitScreen(
        "Restored the starter of counters-declare in " + file + "; your version is kept in ");
    assertThat(Files.readString(file)).isEqualTo(Workspace.starter(first));
    List<Path> kept;
    try (Stream<Path> backups = Files.list(folder.resolve(".backups").resolve(first.name()))) {
      kept = backups.toList();
    }
    assertThat(kept).hasSize(1);
    assertThat(Files.readString(kept.get(0))).isEqualTo(mine);
    awaitScreen(kept.get(0).toString());
  }

  @Test
  void qQuits() throws Exception {
    awaitScreen("h hint · l list · n next · r reset · q quit");

    keys("q");

    awaitScreen("Bye. ./exercise starts again where you are.");
  }

  private void keys(String keys) throws Exception {
    tmux("send-keys", "-t", server, keys);
  }

  private void awaitScreen(String text) throws Exception {
    awaitScreen(text, 1);
  }

  /** Waits until the terminal's screen and history show {@code text}, {@code times} times. */
  private void awaitScreen(String text, int times) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux("capture-pane", "-p", "-J", "-S", "-", "-t", server);
      if (screen.split(java.util.regex.Pattern.quote(text), -1).length > times) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the terminal never showed: " + text + "\nit shows:\n" + screen);
  }

  /** Runs tmux on this test's own server; its output. */
  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", server));
    command.addAll(List.of(args));
    if (args[0].equals("new-session")) {
      command.addAll(4 + 1, List.of("-s", server));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    if (process.exitValue() != 0 && !args[0].equals("kill-server")) {
      throw new IllegalStateException(String.join(" ", command) + ": " + output);
    }
    return output;
  }
}
