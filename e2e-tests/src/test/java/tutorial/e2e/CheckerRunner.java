package tutorial.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a checker that ships with its server, Prometheus's {@code promtool} or Alertmanager's {@code
 * amtool}, and collects what it said.
 */
final class CheckerRunner {

  private static final long TIMEOUT_SECONDS = 60;

  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return String.join(" ", command)
          + "\nexit "
          + exitCode
          + "\nstdout:\n"
          + stdout
          + "\nstderr:\n"
          + stderr;
    }
  }

  private CheckerRunner() {}

  static Result run(ExternalBinaries.Binary checker, Path workingDir, String... args) {
    return runWithInput(checker, workingDir, null, args);
  }

  /** {@code checker args...}, with {@code stdin} (if given) piped in as {@code curl | promtool}. */
  static Result runWithInput(
      ExternalBinaries.Binary checker, Path workingDir, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ExternalBinaries.path(checker).toString());
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
    try {
      CompletableFuture<String> stdout = readAsync(process.getInputStream());
      CompletableFuture<String> stderr = readAsync(process.getErrorStream());
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(command + " still running after " + TIMEOUT_SECONDS + " s");
      }
      return new Result(command, process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<String> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
