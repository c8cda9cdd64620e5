package tutorial.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The JDKs on this machine that can run the services: the {@code java} on the PATH first, then one
 * of each newer feature release found under /usr/lib/jvm (a Temurin 25 sits beside Debian's 17 on
 * this kind of machine). A service runs on one by putting its {@code bin} first on the PATH, which
 * is how a learner points {@code ./run} at it.
 */
record Jdks(List<Jdk> all) {

  /** A JDK: its feature release and its home; {@code onPath} for the default one. */
  record Jdk(int release, Path home, boolean onPath) {
    String name() {
      return "JDK " + release;
    }

    /** The environment that makes {@code ./run} start this JDK's java, as the README says. */
    Map<String, String> env() {
      return Map.of("JAVA_HOME", home.toString());
    }

    Path java() {
      return home.resolve("bin/java");
    }

    /** A command as a learner types it for this JDK. */
    String shell(String command) {
      return onPath ? command : "JAVA_HOME=" + home + " " + command;
    }
  }

  static Jdks find() {
    Optional<Jdk> onPath = onPath();
    Map<Integer, Jdk> byRelease = new TreeMap<>();
    onPath.ifPresent(jdk -> byRelease.put(jdk.release(), jdk));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> homes = Files.list(jvms)) {
        homes
            .sorted()
            .forEach(
                home ->
                    release(home)
                        .ifPresent(r -> byRelease.putIfAbsent(r, new Jdk(r, home, false))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Jdk> all = new ArrayList<>();
    onPath.ifPresent(all::add);
    byRelease.values().stream().filter(j -> !j.onPath() && j.release() >= 17).forEach(all::add);
    return new Jdks(all);
  }

  private static Optional<Jdk> onPath() {
    for (String dir : System.getenv("PATH").split(":")) {
      Path java = Path.of(dir, "java");
      if (Files.isExecutable(java)) {
        try {
          Path home = java.toRealPath().getParent().getParent();
          return release(home).map(r -> new Jdk(r, home, true));
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The feature release a JDK's {@code release} file names, e.g. 17 for "17.0.15". */
  private static Optional<Integer> release(Path home) {
    Path release = home.resolve("release");
    if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
      return Optional.empty();
    }
    try {
      return Files.readAllLines(release).stream()
          .filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.replaceAll("[^0-9.]", "").split("\\.")[0])
          .map(Integer::parseInt)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
