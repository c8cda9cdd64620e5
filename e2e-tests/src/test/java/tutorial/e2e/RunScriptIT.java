package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tutorial.testkit.JarProcess;

/**
 * {@code ./run} on a JDK 25 or newer uses an AOT cache, and the cache never holds up a start: a
 * missing or stale one means a plain start while a training run makes it beside, and the next start
 * maps it. Every machine of this project's kind has a Temurin 25 beside the default 17.
 */
class RunScriptIT {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path CACHE = REPO.resolve("counters-app/target/counters-app.aot");
  private static final Path STAMP = Path.of(CACHE + ".jdk");
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration TRAINING = Duration.ofSeconds(120);

  @Test
  void aMissingOrStaleAotCacheMeansAPlainStartAndIsMadeAgainBesideIt() throws Exception {
    Map<String, String> jdk25 = Map.of("JAVA_HOME", newestJdk(25).toString(), "RUN_BUILD", "false");
    for (Path file : List.of(CACHE, STAMP)) {
      Files.deleteIfExists(file);
    }

    List<String> missing = startAndStop(jdk25, "missing");
    awaitTraining();
    List<String> made = startAndStop(jdk25, "made");
    Files.writeString(STAMP, "another JDK\n"); // as after a JDK update
    List<String> stale = startAndStop(jdk25, "stale");
    awaitTraining();

    assertThat(missing).noneMatch(arg -> arg.startsWith("-XX:AOTCache"));
    assertThat(made).contains("-XX:AOTCache=counters-app/target/counters-app.aot");
    assertThat(stale).noneMatch(arg -> arg.startsWith("-XX:AOTCache"));
    assertThat(Files.readString(STAMP)).contains("temurin-25").doesNotContain("another JDK");
  }

  /** Starts ./run counters-app, checks it answers, stops it; returns the java's arguments. */
  private static List<String> startAndStop(Map<String, String> env, String cache) {
    try (JarProcess run =
        JarProcess.run(
            List.of("./run", "counters-app", "--port=0", "--host=127.0.0.1"), REPO, env)) {
      run.awaitPort(START);
      List<String> args =
          ProcessHandle.of(run.pid())
              .flatMap(p -> p.info().arguments())
              .map(List::of)
              .orElseThrow();
      run.terminate();
      assertThat(run.awaitExit(START)).as("%s cache: exit status after SIGTERM", cache).isZero();
      return args;
    }
  }

  /** The training run writes the stamp once the cache is whole. */
  private static void awaitTraining() throws InterruptedException {
    long deadline = System.nanoTime() + TRAINING.toNanos();
    while (!isFresh() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(isFresh()).as("%s made by the training run within %s", CACHE, TRAINING).isTrue();
  }

  private static boolean isFresh() {
    try {
      return Files.exists(CACHE)
          && Files.exists(STAMP)
          && !Files.readString(STAMP).contains("another");
    } catch (IOException e) {
      return false;
    }
  }

  /** A JDK of at least {@code release} under /usr/lib/jvm. */
  private static Path newestJdk(int release) {
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      Optional<Path> found =
          homes.filter(home -> releaseOf(home) >= release).sorted().reduce((a, b) -> b);
      return found.orElseThrow(
          () ->
              new AssertionError(
                  "needs a JDK "
                      + release
                      + " or newer under /usr/lib/jvm (this kind of machine has"
                      + " a Temurin 25 there)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int releaseOf(Path home) {
    try {
      return Files.readAllLines(home.resolve("release")).stream()
          .filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0])
          .mapToInt(Integer::parseInt)
          .findFirst()
          .orElse(0);
    } catch (IOException e) {
      return 0;
    }
  }
}
