package tutorial.exercise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * An {@link ExerciseHost} JVM seen from the watcher: started ahead of the save that needs it, told
 * which {@code main} to run, and stopped with a kill once the check is over, so that no exercise
 * outlives its check. What the exercise did wrong at start comes back as a {@link Fault}.
 */
final class HostProcess implements AutoCloseable {

  /** How long a started host may take to warm up. */
  private static final Duration READY_BOUND = Duration.ofSeconds(30);

  private static final Pattern LISTENING_LINE =
      Pattern.compile("(?i)listening on https?://[^\\s/]+:(\\d+)");

  /** The last lines of the exercise's output, for the reasons that quote them. */
  private static final int KEPT_LINES = 60;

  /** The environment variables a learner's shell may hold that would change a service's start. */
  private static final List<String> SERVICE_VARIABLES =
      List.of(
          "PORT",
          "HOST",
          "OFFLINE",
          "GITHUB_TOKEN",
          "METRICS_TOKEN",
          "METRICS_USERNAME",
          "METRICS_PASSWORD",
          "TRACING",
          "HISTOGRAM_BUCKETS",
          "SUMMARY_QUANTILES",
          "MAX_UPSTREAM_CALLS",
          "NATIVE_HISTOGRAM",
          "JAVA_TOOL_OPTIONS");

  private static final String ENDED = "ended";

  private final Process process;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final Deque<String> output = new ArrayDeque<>();

  private HostProcess(Process process) {
    this.process = process;
    daemon(
        "host events",
        () -> {
          copyLines(process.inputReader(StandardCharsets.UTF_8), events::add);
          events.add(ENDED);
        });
    daemon("host output", () -> copyLines(process.errorReader(StandardCharsets.UTF_8), this::keep));
  }

  /** Starts a host; {@link #run} waits for its warm-up. */
  static HostProcess start(String upstreamUrl) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ExerciseHost.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    SERVICE_VARIABLES.forEach(env::remove);
    env.put("HOST", "127.0.0.1");
    env.put("REQUEST_LOG", "false");
    env.put("JVM_METRICS", "false");
    env.put("OFFLINE", "false");
    env.put("GITHUB_API_URL", upstreamUrl);
    try {
      return new HostProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + java, e);
    }
  }

  /**
   * Runs {@code mainClass} from {@code classes} (empty: from the class path, as the solutions are)
   * with {@code args} and {@code --port}, and returns the URL it listens at, or the fault that kept
   * it from listening.
   */
  HttpUrl run(Path classes, String mainClass, List<String> args) throws Fault {
    awaitEvent(READY_BOUND, "the exercise's JVM did not start");
    synchronized (output) {
      output.clear(); // the warm-up's lines
    }
    int port = freePort();
    List<String> line = new ArrayList<>();
    line.add(classes == null ? "" : classes.toString());
    line.add(mainClass);
    line.add(Integer.toString(port));
    line.addAll(args);
    line.add("--port=" + port);
    send(String.join("\t", line) + "\n");
    Duration bound = ExerciseHost.START_BOUND.plusSeconds(2);
    String event = awaitEvent(bound, null);
    String[] parts = event.split("\t", 2);
    String detail = parts.length > 1 ? parts[1] : "";
    switch (parts[0]) {
      case ExerciseHost.LISTENING:
        return new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(port).build();
      case ExerciseHost.THREW:
        throw Fault.of("main threw at start: " + detail);
      case ExerciseHost.NOT_RUNNABLE:
        throw Fault.of(detail);
      case ExerciseHost.RETURNED:
        throw Fault.of(
            notListening(port, "main returned, but nothing listens on the port it was given"));
      case ExerciseHost.STUCK:
        throw Fault.of(
            notListening(
                port,
                "main did not listen within "
                    + ExerciseHost.START_BOUND.toSeconds()
                    + " s"
                    + (detail.isEmpty() ? "" : "; it was still running" + detail)
                    + ": does it loop or wait forever?"));
      case ExerciseHost.EXIT:
        throw Fault.of(
            "the app called System.exit("
                + exitStatus()
                + ")"
                + (detail.startsWith(" at") ? detail : "")
                + ": a service keeps running; Service.run returns once it listens");
      default:
        throw Fault.of("the exercise's JVM stopped: " + event + lastOutput());
    }
  }

  /** Says which port the exercise took, when its log names one other than the one it was given. */
  private String notListening(int port, String reason) {
    synchronized (output) {
      for (String line : output) {
        Matcher listening = LISTENING_LINE.matcher(line);
        if (listening.find() && Integer.parseInt(listening.group(1)) != port) {
          return "it listens on port "
              + listening.group(1)
              + ", not on the port it was given ("
              + port
              + "): pass main's args to Service.run, which reads --port";
        }
      }
    }
    return reason + lastOutput();
  }

  /** The exercise's last lines of output that name its own file, or the last line. */
  String lastOutput() {
    synchronized (output) {
      return output.isEmpty() ? "" : "\n    " + String.join("\n    ", lastLines(8));
    }
  }

  /** Where in {@code file} the output's last stack trace passes, as " at File.java:12". */
  String lastFrameIn(String file) {
    Pattern frame = Pattern.compile("\\(" + Pattern.quote(file) + ":(\\d+)\\)");
    synchronized (output) {
      List<String> lines = new ArrayList<>(output);
      for (int i = lines.size() - 1; i >= 0; i--) {
        Matcher m = frame.matcher(lines.get(i));
        if (m.find()) {
          // the trace's first frame in the file: the one nearest the throw
          int line = Integer.parseInt(m.group(1));
          for (int j = i - 1; j >= 0 && lines.get(j).trim().startsWith("at "); j--) {
            Matcher earlier = frame.matcher(lines.get(j));
            if (earlier.find()) {
              line = Integer.parseInt(earlier.group(1));
            }
          }
          return " at " + file + ":" + line;
        }
      }
    }
    return "";
  }

  private List<String> lastLines(int count) {
    List<String> all = new ArrayList<>(output);
    return all.subList(Math.max(0, all.size() - count), all.size());
  }

  private int exitStatus() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String awaitEvent(Duration bound, String failure) throws Fault {
    try {
      String event = events.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        throw Fault.of(
            (failure != null ? failure : "the exercise's JVM did not answer")
                + " within "
                + bound.toSeconds()
                + " s"
                + lastOutput());
      }
      if (failure != null && !event.equals(ExerciseHost.READY)) {
        throw Fault.of(failure + ": " + event + lastOutput());
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Fault.of("interrupted");
    }
  }

  private void send(String line) throws Fault {
    try {
      OutputStream in = process.getOutputStream();
      in.write(line.getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw Fault.of("the exercise's JVM stopped before its start" + lastOutput());
    }
  }

  private void keep(String line) {
    synchronized (output) {
      output.addLast(line);
      while (output.size() > KEPT_LINES) {
        output.removeFirst();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyLines(BufferedReader reader, Consumer<String> sink) {
    try (reader) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        sink.accept(line);
      }
    } catch (IOException e) {
      // the host is gone; its events end here
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** A kill, not a stop: the exercise may ignore a stop, and nothing of it is worth keeping. */
  @Override
  public void close() {
    process.destroyForcibly();
  }
}
