package tutorial.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The expected scrape of each step of the tutorial, in one place: the apps' golden-file tests and
 * {@code ./compare --step} read the same files, so what the tests hold true is what the tool
 * checks. A step is named {@code <chapter>/<step>}, e.g. {@code counters/after-visits} or {@code
 * counters/after-visits.openmetrics}; its file is the resource {@code
 * /tutorial/steps/<chapter>/<step>.txt}, with {@code <NUMBER>} where a value differs from run to
 * run. They ship inside the jar, so the steps need no source checkout.
 */
public final class TutorialSteps {

  private static final String ROOT = "/tutorial/steps/";
  private static final String SUFFIX = ".txt";

  private TutorialSteps() {}

  /** Every step's name, sorted. */
  public static List<String> names() {
    URL root = TutorialSteps.class.getResource(ROOT);
    if (root == null) {
      throw new IllegalStateException("no " + ROOT + " on the class path");
    }
    try {
      URI uri = root.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return namesUnder(Path.of(uri));
      }
      // a resource folder inside a jar is read through the jar's own file system
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return namesUnder(jar.getPath(ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The expected scrape of {@code step}, or empty if there is no such step. */
  public static Optional<String> read(String step) {
    String name = step.endsWith(SUFFIX) ? step.substring(0, step.length() - SUFFIX.length()) : step;
    if (!name.matches("[a-z]+/[a-z0-9.-]+")) {
      return Optional.empty();
    }
    try (InputStream in = TutorialSteps.class.getResourceAsStream(ROOT + name + SUFFIX)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> namesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root, 2)) {
      return files
          .filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(SUFFIX))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .map(n -> n.substring(0, n.length() - SUFFIX.length()))
          .sorted()
          .toList();
    }
  }
}
