package tutorial.topology;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the servers' binaries: the one a variable names (as the end-to-end tests honour it), else
 * the first on the PATH by its Debian name or its upstream one.
 */
final class Binaries {

  private Binaries() {}

  static String find(String variable, String... names) {
    String named = System.getenv(variable);
    if (named != null && !named.isBlank()) {
      if (!Files.isRegularFile(Path.of(named)) || !Files.isExecutable(Path.of(named))) {
        throw new IllegalStateException(variable + "=" + named + " is not an executable file");
      }
      return named;
    }
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
