package tutorial.topology;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the servers' binaries on the PATH, by their Debian name or their upstream one. */
final class Binaries {

  private Binaries() {}

  static String find(String... names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    throw new IllegalStateException(
        names[0]
            + " is not installed: sudo apt-get install --no-install-recommends prometheus"
            + " victoria-metrics prometheus-alertmanager");
  }
}
