package tutorial.benchmarks.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tutorial.commandline.ProcessStop;

/**
 * One service (or the baseline) in its own process: started, timed to its first scrape, its
 * resident memory read from /proc, stopped with SIGTERM as a learner's Ctrl-C stops it.
 */
final class ServiceProcess implements AutoCloseable {

  /** Settings a learner may have exported; the harness passes every setting it needs as a flag. */
  private static final List<String> CLEARED_VARIABLES =
      List.of(
          "PORT",
          "HOST",
          "REQUEST_LOG",
          "JVM_METRICS",
          "STOP_TIMEOUT",
          "METRICS_USERNAME",
          "METRICS_PASSWORD",
          "METRICS_TOKEN",
          "GITHUB_API_URL",
          "GITHUB_TOKEN",
          "OFFLINE",
          "STAND_IN_LATENCY",
          "CONNECT_TIMEOUT",
          "READ_TIMEOUT",
          "HISTOGRAM_BUCKETS",
          "NATIVE_HISTOGRAM",
          "SUMMARY_QUANTILES",
          "JAVA_OPTS",
          "TUNED",
          "JAVA_TOOL_OPTIONS",
          "JAVA_HOME",
          "MAX_UPSTREAM_CALLS");

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final long startedNanos;
  private final int port;
  private final Path logFile;

  private ServiceProcess(String name, Process process, long startedNanos, int port, Path logFile) {
    this.name = name;
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
    this.logFile = logFile;
  }

  /**
   * Starts {@code command} in {@code root} with {@code env} added to a cleaned environment; its
   * output goes to {@code logFile}, or nowhere when null (a request log under load is large).
   */
  static ServiceProcess start(
      String name, List<String> command, Map<String, String> env, Path root, int port, Path logFile)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    CLEARED_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    if (logFile == null) {
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    } else {
      Files.createDirectories(logFile.getParent());
      builder.redirectOutput(logFile.toFile());
    }
    long started = System.nanoTime();
    Process process = builder.start();
    return new ServiceProcess(name, process, started, port, logFile);
  }

  int port() {
    return port;
  }

  /**
   * Polls {@code GET /metrics} every 5 ms until a whole 200 answer arrives; returns the time from
   * just before the process was started.
   */
  Duration awaitFirstScrape(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + tail());
      }
      if (get(port, "/metrics") == 200) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
      }
      Thread.sleep(5);
    }
    throw new IOException(name + " did not answer /metrics within " + timeout + tail());
  }

  /** The status of a whole {@code GET} answer, or -1 while nothing listens. */
  static int get(int port, String path) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      if (!answer.startsWith("HTTP/1.1 ")) {
        return -1;
      }
      return Integer.parseInt(answer.substring(9, 12));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** VmRSS of the process, in MB (the JVM itself: ./run replaces its shell with java). */
  double residentMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException("no VmRSS for " + name);
  }

  /** SIGTERM (SIGKILL after 30 s), then the exit status (a graceful stop is 0). */
  int stop() throws InterruptedException {
    ProcessStop.stop(process, STOP_TIMEOUT);
    // a killed process ends too: its status is what the phase reports
    return process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  private String tail() {
    if (logFile == null) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(logFile);
      return "; its log ends:\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
