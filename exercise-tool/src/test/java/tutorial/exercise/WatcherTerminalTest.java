package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.testkit.TerminalPane;

/**
 * The watcher as a learner meets it: in a real terminal (a tmux pane, on a server of its own), its
 * keys read one by one through JLine, its files saved by hand.
 */
class WatcherTerminalTest {

  private TerminalPane terminal;

  @TempDir Path folder;

  @BeforeEach
  void startTheWatcherInATerminal() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    terminal =
        TerminalPane.start(
            Duration.ofSeconds(40),
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
  void stopTheTerminal() {
    terminal.close();
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

  private void keys(String keys) {
    terminal.keys(keys);
  }

  private void awaitScreen(String text) {
    terminal.awaitScreen(text);
  }

  private void awaitScreen(String text, int times) {
    terminal.awaitScreen(text, times);
  }
}
