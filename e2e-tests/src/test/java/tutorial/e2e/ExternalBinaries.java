package tutorial.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the binaries from outside the repository that the end-to-end tests run: the servers
 * (prometheus, victoria-metrics, prometheus-alertmanager) and their checkers (promtool, amtool),
 * the one a variable names, else the first on the {@code PATH}. Without them a developer's run
 * skips the end-to-end tests with a hint; CI (which sets {@code CI=true}) installs them first, so
 * there a missing binary fails the run.
 */
final class ExternalBinaries {

  static final String INSTALL_HINT =
      "install Prometheus: sudo apt-get install --no-install-recommends prometheus"
          + " victoria-metrics prometheus-alertmanager, or set PROMETHEUS_BIN (and PROMTOOL_BIN)";

  enum Binary {
    PROMETHEUS("prometheus", "PROMETHEUS_BIN", null),
    PROMTOOL("promtool", "PROMTOOL_BIN", PROMETHEUS),
    VICTORIA_METRICS("victoria-metrics", "VICTORIA_METRICS_BIN", null),
    ALERTMANAGER("prometheus-alertmanager", "ALERTMANAGER_BIN", null),
    AMTOOL("amtool", "AMTOOL_BIN", ALERTMANAGER);

    final String command;
    final String variable;

    /** The server whose release ships this checker: a variable naming it finds the checker too. */
    final Binary server;

    Binary(String command, String variable, Binary server) {
      this.command = command;
      this.variable = variable;
      this.server = server;
    }
  }

  private static boolean hintPrinted;

  private ExternalBinaries() {}

  /**
   * Why the binary cannot be used here, for the tests to skip with; empty when it is installed. In
   * CI a missing binary is an error instead: the end-to-end tests must run there.
   */
  static Optional<String> missing(Binary binary) {
    try {
      path(binary);
      return Optional.empty();
    } catch (MissingBinary e) {
      if (inCi()) {
        throw new AssertionError(e.getMessage() + " (CI is set: the end-to-end tests must run)");
      }
      printHintOnce(e.getMessage());
      return Optional.of(e.getMessage());
    }
  }

  static Path prometheus() {
    return path(Binary.PROMETHEUS);
  }

  /** CI sets {@code CI=true}; there the end-to-end tests are required, not optional. */
  static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }

  /**
   * The variable's file; else, for a checker, the one beside its server's (promtool beside
   * PROMETHEUS_BIN, amtool beside ALERTMANAGER_BIN, as in the upstream releases); else the PATH's.
   */
  static Path path(Binary binary) {
    String named = System.getenv(binary.variable);
    if (named != null && !named.isBlank()) {
      if (isExecutable(Path.of(named))) {
        return Path.of(named);
      }
      throw new MissingBinary(
          binary.variable + "=" + named + " is not an executable file; " + INSTALL_HINT);
    }
    Optional<Path> beside = Optional.empty();
    if (binary.server != null && System.getenv(binary.server.variable) != null) {
      beside =
          Optional.of(Path.of(System.getenv(binary.server.variable)).resolveSibling(binary.command))
              .filter(ExternalBinaries::isExecutable);
    }
    return beside
        .or(() -> onPath(binary.command))
        .orElseThrow(
            () -> new MissingBinary(binary.command + " not found on PATH; " + INSTALL_HINT));
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && isExecutable(Path.of(dir, command))) {
        return Optional.of(Path.of(dir, command));
      }
    }
    return Optional.empty();
  }

  private static boolean isExecutable(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }

  /** The reason goes to each skipped test's report; the console gets it once. */
  private static synchronized void printHintOnce(String hint) {
    if (!hintPrinted) {
      hintPrinted = true;
      System.out.println("SKIPPED end-to-end tests: " + hint);
    }
  }

  private static final class MissingBinary extends RuntimeException {
    MissingBinary(String message) {
      super(message);
    }
  }
}
