package tutorial.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tutorial.commandline.ProcessStop;

/**
 * A service's runnable jar started as a learner starts it, {@code java -jar target/<module>.jar},
 * in its own process. Output is collected so a test can read it; {@link #close} kills the process
 * if a test left it running.
 */
public final class JarProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private JarProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "jar-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code target/<module>.jar} of the module the test runs in. */
  public static JarProcess start(String module, Map<String, String> env, String... args) {
    return start(builtJar(module), Path.of(""), env, args);
  }

  /** {@code target/<module>.jar} of the module the test runs in, made by the package phase. */
  public static Path builtJar(String module) {
    Path jar = Path.of("target", module + ".jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar + " is missing: run the package phase first");
    }
    return jar;
  }

  /** Starts {@code jar} with {@code java -jar}, in the working directory {@code dir}. */
  public static JarProcess start(Path jar, Path dir, Map<String, String> env, String... args) {
    return start(List.of(), jar, dir, env, args);
  }

  /** Starts {@code jar} with {@code java <jvmOptions> -jar}, as a launch script would. */
  public static JarProcess start(
      List<String> jvmOptions, Path jar, Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return run(command, dir, env);
  }

  /** Starts any command that starts a service, such as {@code ./run counters-app}. */
  public static JarProcess run(List<String> command, Path dir, Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toAbsolutePath().toFile())
            .redirectErrorStream(true);
    // the settings' variables from the test's own environment must not leak into the service
    builder
        .environment()
        .keySet()
        .removeAll(List.of("PORT", "HOST", "OFFLINE", "GITHUB_API_URL", "TRACING"));
    builder.environment().putAll(env);
    try {
      return new JarProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readOutput() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      // the process is gone; what it printed is in output
    } finally {
      port.completeExceptionally(
          new IllegalStateException("exited before listening:\n" + output()));
    }
  }

  /** The port from the service's "listening on" line, once it is up. */
  public int awaitPort(Duration timeout) {
    try {
      return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("not listening after " + timeout + ":\n" + output());
    } catch (Exception e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Waits for the process to end by itself and returns its exit status. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("still running after " + timeout + ":\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends SIGTERM, as {@code kill} or a container runtime does. */
  public void terminate() {
    // ProcessHandle.destroy sends SIGTERM like Process.destroy, but keeps the output pipe open, so
    // what the service logs while it stops can still be read
    process.toHandle().destroy();
  }

  public long pid() {
    return process.pid();
  }

  public String output() {
    return String.join("\n", output);
  }

  /** Kills the process if it still runs, and waits until it is gone with its ports. */
  @Override
  public void close() {
    ProcessStop.kill(process, Duration.ofSeconds(10));
  }
}
