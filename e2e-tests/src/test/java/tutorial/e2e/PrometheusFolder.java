package tutorial.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files of the repository's {@code prometheus/} folder, which the learner runs as they are. */
final class PrometheusFolder {

  static final String CONFIG = "prometheus.yml";
  static final String RECORDING_RULES = "recording_rules.yml";
  static final String ALERTING_RULES = "alerting_rules.yml";
  static final String RULE_TESTS = "rules_test.yml";

  private PrometheusFolder() {}

  /** Set by the pom; {@code ../prometheus} when a test runs from the module's folder by hand. */
  static Path dir() {
    Path dir =
        Path.of(System.getProperty("tutorial.prometheus.dir", "../prometheus"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("the prometheus/ folder is missing: " + dir);
    }
    return dir;
  }

  static Path file(String name) {
    Path file = dir().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("missing " + file);
    }
    return file;
  }
}
