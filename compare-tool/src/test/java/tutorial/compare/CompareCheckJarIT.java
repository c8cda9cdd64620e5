package tutorial.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.steps.Chapter;
import tutorial.testkit.JarProcess;

/** {@code ./compare --check} with the jars: every service valid in every format it speaks. */
class CompareCheckJarIT {

  private static final Duration RUN = Duration.ofSeconds(60);

  @TempDir Path folder;

  static Stream<String> chapters() {
    return Chapter.all().stream().map(Chapter::module);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chapters")
  void everyServiceIsValidInEveryFormat(String module) {
    try (JarProcess service =
        JarProcess.start(
            Path.of("..", module, "target", module + ".jar").toAbsolutePath(),
            folder,
            Map.of("OFFLINE", "true", "PORT", "0", "HOST", "127.0.0.1"))) {
      String target = "127.0.0.1:" + service.awaitPort(RUN);
      try (JarProcess check =
          JarProcess.start(
              JarProcess.builtJar("compare-tool"),
              folder,
              Map.of(),
              "--check",
              "--formats",
              target)) {
        assertThat(check.awaitExit(RUN)).as(check.output()).isZero();
        assertThat(check.output())
            .contains("valid text 0.0.4", "valid OpenMetrics 1.0", "valid protobuf");
      }
    }
  }

  @Test
  void anInvalidScrapeIsEveryProblemWithItsLineAndStatusTwo() throws Exception {
    Path broken = folder.resolve("broken.txt");
    Files.writeString(
        broken,
        "# TYPE a histogram\na_bucket{le=\"0.25\"} 5\na_bucket{le=\"0.5\"} 3\na_count 3\n"
            + "# TYPE a gauge\n# EOF\n");

    try (JarProcess check =
        JarProcess.start(
            JarProcess.builtJar("compare-tool"), folder, Map.of(), "--check", broken.toString())) {
      assertThat(check.awaitExit(RUN)).isEqualTo(CompareCommand.CANNOT_COMPARE);
      assertThat(check.output())
          .isEqualTo(
              "compare: "
                  + broken
                  + ": not a valid OpenMetrics 1.0 scrape, 4 problems:\n"
                  + "  line 3: bucket le=\"0.5\" holds 3, fewer than le=\"0.25\"'s 5: buckets are"
                  + " cumulative\n"
                  + "  line 4: `a` has no le=\"+Inf\" bucket\n"
                  + "  line 4: `a` has a _count but no _sum: the two come together\n"
                  + "  line 5: metadata for `a` after its samples");
    }
  }
}
