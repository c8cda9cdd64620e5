package tutorial.common.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The expected scrape of each tutorial step, as the apps' tests keep them: {@code
 * <app>/src/test/resources/tutorial/<chapter>/<step>.txt}, with {@code <NUMBER>} where a value
 * differs from run to run. The tests hold the files true, so they double as "what the tutorial
 * shows at this step". A step is named {@code <chapter>/<step>}, e.g. {@code counters/after-visits}
 * or {@code counters/after-visits.openmetrics}.
 */
final class Steps {

  private static final String RESOURCES = "src/test/resources/tutorial";

  private Steps() {}

  /** Every step in the repository at {@code repo}, by name. */
  static Map<String, Path> all(Path repo) {
    Map<String, Path> steps = new TreeMap<>();
    try (Stream<Path> modules = Files.list(repo)) {
      for (Path module : modules.sorted().toList()) {
        Path chapters = module.resolve(RESOURCES);
        // common's files are fixtures for its own tests, not tutorial steps
        if (module.getFileName().toString().equals("common") || !Files.isDirectory(chapters)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(chapters, 2)) {
          files
              .filter(f -> f.getFileName().toString().endsWith(".txt"))
              .filter(f -> f.getParent().getParent().equals(chapters))
              .forEach(f -> steps.put(nameOf(f), f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return steps;
  }

  static Path resolve(Path repo, String step) throws TargetException {
    Map<String, Path> steps = all(repo);
    Path file = steps.get(step.endsWith(".txt") ? step.substring(0, step.length() - 4) : step);
    if (file == null) {
      throw new TargetException(
          "no tutorial step '"
              + step
              + "' in "
              + repo.toAbsolutePath().normalize()
              + (steps.isEmpty()
                  ? " (no steps there: set --repo)"
                  : "; the steps are:\n  " + String.join("\n  ", steps.keySet())));
    }
    return file;
  }

  /**
   * The repository: {@code configured} if given, else the first folder from the working directory
   * upwards that holds the apps' modules.
   */
  static Path repo(Path configured) {
    if (configured != null) {
      return configured;
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path at = dir; at != null; at = at.getParent()) {
      if (Files.isRegularFile(at.resolve("pom.xml")) && Files.isDirectory(at.resolve("common"))) {
        return at;
      }
    }
    return dir;
  }

  private static String nameOf(Path file) {
    String name = file.getFileName().toString();
    return file.getParent().getFileName() + "/" + name.substring(0, name.length() - 4);
  }
}
