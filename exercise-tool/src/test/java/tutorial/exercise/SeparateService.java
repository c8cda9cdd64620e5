package tutorial.exercise;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tutorial.commandline.ProcessStop;
import tutorial.testkit.Ports;

/**
 * A service started apart from the checker, as a learner starts one: an exercise compiled and run
 * with {@code java}, or one of the tutorial's Python apps. The checker then only knows its port.
 */
final class SeparateService implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(20);

  private final Process process;
  final int port;

  private SeparateService(List<String> command, Map<String, String> env, int port) {
    this.port = port;
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    builder.environment().put("PORT", Integer.toString(port));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitListening();
  }

  /** {@code mainClass} from {@code classes} (and the class path of these tests). */
  static SeparateService java(Path classes, String mainClass, String upstreamUrl, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = classes + File.pathSeparator + System.getProperty("java.class.path");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java, "-cp", classPath, mainClass, "--host=127.0.0.1", "--request-log=false"));
    command.addAll(List.of(args));
    return new SeparateService(
        command,
        Map.of("GITHUB_API_URL", upstreamUrl, "OFFLINE", "false", "JVM_METRICS", "false"),
        Ports.free());
  }

  /** One of the tutorial's own apps in {@code python/}, on Debian's Python and Flask. */
  static SeparateService python(String file) {
    Path app = Path.of("..", "python", file).toAbsolutePath().normalize();
    return new SeparateService(List.of("/usr/bin/python3", app.toString()), Map.of(), Ports.free());
  }

  String target() {
    return "127.0.0.1:" + port;
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service stopped at start: " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    close();
    throw new IllegalStateException("the service did not listen on " + port + " within " + START);
  }

  @Override
  public void close() {
    ProcessStop.kill(process, ProcessStop.KILL_WAIT);
  }
}
