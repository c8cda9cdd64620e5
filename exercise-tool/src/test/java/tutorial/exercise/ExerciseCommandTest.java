package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-interactive forms, for scripts and CI, and the watcher where there is no terminal. */
class ExerciseCommandTest {

  @TempDir Path folder;

  private TargetTest.Run exercise(String... args) {
    String[] withFolder = new String[args.length + 2];
    withFolder[0] = "--dir";
    withFolder[1] = folder.toString();
    System.arraycopy(args, 0, withFolder, 2, args.length);
    return TargetTest.exercise(withFolder);
  }

  @Test
  void listNamesEveryExerciseInTheTutorialsOrderWithItsState() {
    Exercise first = Fixes.named("counters-declare");
    new Workspace(folder).markDone(first, true);

    TargetTest.Run run = exercise("list");

    assertThat(run.status()).isEqualTo(ExerciseCommand.DONE);
    assertThat(run.output().lines())
        .hasSize(Exercises.all().size() + 1)
        .first()
        .isEqualTo("   1  counters-declare     done  " + first.task());
    assertThat(run.output())
        .contains("  13  exemplars-trace      -     ")
        .endsWith("  1/13 done\n");
    assertThat(new Workspace(folder).file(first)).exists();
  }

  @Test
  void hintShowsTheTaskAndTheCall() {
    TargetTest.Run run = exercise("hint", "histograms-time");

    assertThat(run.status()).isEqualTo(ExerciseCommand.DONE);
    assertThat(run.output())
        .startsWith("histograms-time: Time each call to the repository API, the failed ones too.")
        .contains("try (Timer timer = reposDuration.startTimer()) {");
  }

  @Test
  void resetKeepsTheLearnersVersionAndSaysWhere() throws Exception {
    Exercise exercise = Fixes.named("gauges-label");
    Workspace workspace = Fixes.workspaceWith(folder, exercise, "// mine\n");
    workspace.markDone(exercise, true);

    TargetTest.Run run = exercise("reset", "gauges-label");

    assertThat(run.status()).isEqualTo(ExerciseCommand.DONE);
    assertThat(Files.readString(workspace.file(exercise))).isEqualTo(Workspace.starter(exercise));
    Path kept = Path.of(run.output().replaceAll("(?s).*your version is kept in (\\S+)\n", "$1"));
    assertThat(Files.readString(kept)).isEqualTo("// mine\n");
    assertThat(kept.getParent()).isEqualTo(folder.resolve(".backups").resolve("gauges-label"));
    assertThat(workspace.done()).isEmpty();
  }

  @Test
  void aSolutionOfAChapterPassesEachExercise() {
    TargetTest.Run run = exercise("--solution", "custom-metrics");

    assertThat(run.status()).as(run.output()).isEqualTo(ExerciseCommand.DONE);
    assertThat(run.output())
        .isEqualTo(
            Verdict.TICK
                + " custom-info: done (the solution: tutorial.custommetrics.CustomMetricsApp)\n"
                + Verdict.TICK
                + " custom-state: done (the solution: tutorial.custommetrics.CustomMetricsApp)\n");
  }

  @Test
  void checkOfAnUntouchedChapterIsNotDone() {
    TargetTest.Run run = exercise("check", "summaries");

    assertThat(run.status()).isEqualTo(ExerciseCommand.NOT_DONE);
    assertThat(run.output())
        .startsWith(Verdict.CROSS + " summaries-time: `request_processing_seconds` is missing");
  }

  @Test
  void usageErrorsAreOneLineAndStatusTwo() {
    assertThat(exercise("hint").output())
        .isEqualTo(
            "exercise: hint needs an exercise's NAME. Try 'exercise --help' for the settings.\n");
    assertThat(exercise("hint", "counters").status()).isEqualTo(ExerciseCommand.USAGE);
    assertThat(exercise("check", "no-such-thing").output())
        .startsWith("exercise: no exercise or chapter 'no-such-thing'; ./exercise list shows");
    assertThat(exercise("list", "counters").status()).isEqualTo(ExerciseCommand.USAGE);
    assertThat(exercise("--target", "localhost:1").output())
        .isEqualTo("exercise: --target goes with check. Try 'exercise --help' for the settings.\n");
    assertThat(exercise("check", "--target", "localhost:1").output())
        .startsWith("exercise: check --target needs the NAME of an exercise or a chapter");
  }

  @Test
  void withoutATerminalTheWatcherReadsLines() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder started =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ExerciseCommand.class.getName(),
                "--dir",
                folder.toString())
            .redirectErrorStream(true);
    // a C locale, as in a bare container: the ticks are UTF-8 all the same
    started.environment().put("LANG", "C");
    started.environment().put("LC_ALL", "C");
    Process watcher = started.start();
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(watcher.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = watcher.getOutputStream()) {
      assertThat(readUntil(out, "Type h (hint)"))
          .contains("✗ counters-declare: `home_page_visits_total` is missing");
      in.write("h\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertThat(readUntil(out, "Type h (hint)")).contains("Hint for counters-declare:");
      in.write("q\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertThat(readUntil(out, "Bye.")).isNotEmpty();
    } finally {
      watcher.destroyForcibly();
    }
    assertThat(watcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  private static String readUntil(BufferedReader out, String marker) throws Exception {
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      if (line.contains(marker)) {
        return seen.toString();
      }
    }
    throw new AssertionError("the watcher ended before '" + marker + "':\n" + seen);
  }
}
