package tutorial.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tutorial.steps.TutorialSteps;
import tutorial.testkit.JarProcess;
import tutorial.testkit.RunningService;

/**
 * The runnable jar on its own: copied into an empty directory, far from any source checkout, it
 * still knows every tutorial step and checks a service against one.
 */
class CompareJarIT {

  private static final Duration RUN = Duration.ofSeconds(60);

  @TempDir Path elsewhere;

  private Path jarAlone() throws IOException {
    Path copy = elsewhere.resolve("compare.jar");
    Files.copy(JarProcess.builtJar("compare-tool"), copy);
    return copy;
  }

  @Test
  void listsTheStepsWithOnlyTheJar() throws IOException {
    try (JarProcess list = JarProcess.start(jarAlone(), elsewhere, Map.of(), "--list-steps")) {
      assertThat(list.awaitExit(RUN)).isZero();
      assertThat(list.output().lines().toList()).isEqualTo(TutorialSteps.names());
    }
  }

  @Test
  void checksAServiceAgainstAStepWithOnlyTheJar() throws IOException {
    try (RunningService service = RunningService.start(CountersChapter::app)) {
      service.get("/visit");
      Path jar = jarAlone();
      String target = service.url("/metrics").toString();

      try (JarProcess same =
              JarProcess.start(
                  jar, elsewhere, Map.of(), "--step", "counters/after-visits", target);
          JarProcess differs =
              JarProcess.start(
                  jar, elsewhere, Map.of(), "--step", "counters/before-visits", target)) {
        assertThat(same.awaitExit(RUN)).as(same.output()).isZero();
        assertThat(same.output()).contains("2 families compared: 2 same, 0 differ.");
        assertThat(differs.awaitExit(RUN)).as(differs.output()).isEqualTo(1);
      }
    }
  }
}
