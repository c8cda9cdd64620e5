package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.testkit.JarProcess;

/**
 * The runnable jar on its own, as {@code ./exercise} runs it: it compiles a learner's file against
 * its own classes, far from any source checkout, and carries the starters and the solutions.
 */
class ExerciseJarIT {

  private static final Duration RUN = Duration.ofSeconds(90);

  @TempDir Path elsewhere;

  private Path jarAlone() throws IOException {
    Path copy = elsewhere.resolve("exercise.jar");
    Files.copy(JarProcess.builtJar("exercise-tool"), copy);
    return copy;
  }

  @Test
  void checksALearnersFileWithOnlyTheJar() throws IOException {
    Path jar = jarAlone();
    Exercise exercise = Fixes.named("counters-count");
    try (JarProcess untouched =
        JarProcess.start(jar, elsewhere, Map.of(), "check", exercise.name())) {
      assertThat(untouched.awaitExit(RUN))
          .as(untouched.output())
          .isEqualTo(ExerciseCommand.NOT_DONE);
      assertThat(untouched.output())
          .contains("counters-count: After 2 visits to / and 1 to /about, neither counter moved")
          .contains("exercises/counters-count/CountersApp.java:47: TODO(Increment the counters)");
    }

    Files.writeString(
        new Workspace(elsewhere.resolve("exercises")).file(exercise), Fixes.fixed(exercise));

    try (JarProcess fixed = JarProcess.start(jar, elsewhere, Map.of(), "check", exercise.name())) {
      assertThat(fixed.awaitExit(RUN)).as(fixed.output()).isEqualTo(ExerciseCommand.DONE);
      assertThat(fixed.output()).contains("counters-count: done");
    }
  }

  @Test
  void runsTheChaptersFinishedAppsWithOnlyTheJar() throws IOException {
    try (JarProcess solution =
        JarProcess.start(jarAlone(), elsewhere, Map.of(), "--solution", "histograms")) {
      assertThat(solution.awaitExit(RUN)).as(solution.output()).isEqualTo(ExerciseCommand.DONE);
      assertThat(solution.output()).contains("histograms-buckets: done");
    }
  }

  @Test
  void helpNamesTheKeysAndTheExitStatuses() throws IOException {
    try (JarProcess help = JarProcess.start(jarAlone(), elsewhere, Map.of(), "--help")) {
      assertThat(help.awaitExit(RUN)).isZero();
      assertThat(help.output())
          .contains("Keys: h hint, l list, n next, r reset (your version is kept), q quit.")
          .contains("1   not done: one fails (its reason is printed)");
    }
  }
}
