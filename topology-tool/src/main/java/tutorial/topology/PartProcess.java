package tutorial.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import tutorial.commandline.ProcessStop;

/**
 * One process of the topology: its command, its log file, and the URL that answers 200 once it is
 * ready. {@link #stop} asks it to stop (SIGTERM, as Ctrl-C or a service manager would) and kills it
 * only if it has not stopped in time.
 */
final class PartProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Path log;
  private final Process process;

  private PartProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code command}, its output going to {@code log}. */
  static PartProcess start(String name, List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new PartProcess(name, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Waits until {@code url} answers 200; fails with the end of the log if the process ends. */
  void awaitReady(String url, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
    await(
        "answer " + url,
        timeout,
        () -> {
          try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          } catch (IOException notListeningYet) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " started", e);
          }
        });
  }

  /**
   * Waits until the suite has written its target file, which it does once every instance listens;
   * fails with the end of the log if the process ends.
   */
  void awaitTargets(Path file, Duration timeout) {
    await(
        "write " + file,
        timeout,
        () -> {
          try {
            return Files.exists(file) && Files.readString(file).contains("targets");
          } catch (IOException beingReplaced) {
            return false;
          }
        });
  }

  private void await(String what, Duration timeout, BooleanSupplier done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " stopped with status "
                + process.exitValue()
                + "; its log "
                + log
                + ":\n"
                + tail());
      }
      if (done.getAsBoolean()) {
        return;
      }
      sleep(Duration.ofMillis(100));
    }
    throw new IllegalStateException(
        name + " did not " + what + " within " + timeout + "; its log " + log + ":\n" + tail());
  }

  /** The last lines of the log, for an error message. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}; returns once the process is gone. */
  @Override
  public void close() {
    ProcessStop.stop(process, STOP_TIMEOUT);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
