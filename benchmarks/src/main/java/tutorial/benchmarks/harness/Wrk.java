package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian's package) against one URL and reads req/s, p50 and p99 from its report. */
final class Wrk {

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /** One wrk run: what it reports, and its whole output for the raw log. */
  record Result(
      double requestsPerSecond,
      double p50Ms,
      double p99Ms,
      long requests,
      long failed,
      String raw) {}

  private final List<String> load;
  private final Log log;

  Wrk(List<String> load, Log log) {
    this.load = load;
    this.log = log;
  }

  /** The command line, as it is also printed in the raw output and in BENCHMARKS.md. */
  List<String> command(String url, Duration duration, Request request) {
    List<String> command = new ArrayList<>(List.of("wrk"));
    command.addAll(load);
    command.add("-d" + duration.toSeconds() + "s");
    command.add("--latency");
    if (request.script() != null) {
      command.add("-s");
      command.add(request.script().toString());
    }
    command.add(url);
    if (!request.scriptArgs().isEmpty()) {
      command.add("--");
      command.addAll(request.scriptArgs());
    }
    return command;
  }

  /** Two sides' runs of one comparison, measured in alternation. */
  record Alternated(List<Result> first, List<Result> second) {
    /** The first server's runs as the service, the second's as the baseline it is compared with. */
    Results.Route route(String app, String route, String kind, String baseline) {
      return new Results.Route(
          app, route, kind, HttpPhase.side(first), baseline, HttpPhase.side(second));
    }
  }

  /**
   * {@code rounds} runs of {@code request} on each of two ports, in alternation (A B, then B A), so
   * that the machine's drift between neighbouring runs falls on both sides alike.
   */
  Alternated alternate(int firstPort, int secondPort, Request request, int rounds, Duration each)
      throws IOException, InterruptedException {
    List<Result> first = new ArrayList<>();
    List<Result> second = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      if (round % 2 == 0) {
        second.add(run(secondPort, request, each));
        first.add(run(firstPort, request, each));
      } else {
        first.add(run(firstPort, request, each));
        second.add(run(secondPort, request, each));
      }
    }
    return new Alternated(first, second);
  }

  Result run(int port, Request request, Duration duration)
      throws IOException, InterruptedException {
    String url = "http://127.0.0.1:" + port + (request.script() == null ? request.path() : "");
    List<String> command = command(url, duration, request);
    log.raw("$ " + String.join(" ", command));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    log.raw(out.stripTrailing());
    if (status != 0) {
      throw new IOException("wrk exited with " + status + ": " + out);
    }
    return parse(out);
  }

  static Result parse(String out) {
    Matcher rps = RPS.matcher(out);
    if (!rps.find()) {
      throw new IllegalStateException("no Requests/sec in wrk's output:\n" + out);
    }
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher percentile = PERCENTILE.matcher(out);
    while (percentile.find()) {
      double ms = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
      if (percentile.group(1).equals("50")) {
        p50 = ms;
      } else {
        p99 = ms;
      }
    }
    Matcher requests = REQUESTS.matcher(out);
    long total = requests.find() ? Long.parseLong(requests.group(1)) : 0;
    long failed = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      failed += Long.parseLong(non2xx.group(1));
    }
    Matcher errors = SOCKET_ERRORS.matcher(out);
    if (errors.find()) {
      for (int g = 1; g <= 4; g++) {
        failed += Long.parseLong(errors.group(g));
      }
    }
    return new Result(Double.parseDouble(rps.group(1)), p50, p99, total, failed, out);
  }

  private static double toMillis(double value, String unit) {
    return switch (unit) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      case "m" -> value * 60_000;
      default -> throw new IllegalArgumentException(unit);
    };
  }

  /** What wrk sends: one path, or a Lua script (in benchmarks/wrk/) with its arguments. */
  record Request(String path, Path script, List<String> scriptArgs) {
    static Request path(String path) {
      return new Request(path, null, List.of());
    }

    static Request script(Path script, String... args) {
      return new Request(null, script, List.of(args));
    }
  }
}
