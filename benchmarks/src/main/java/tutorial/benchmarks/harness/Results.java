package tutorial.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything one harness run measured; written to results.json and rendered by Report. */
final class Results {

  /** When, where and how the run was made. */
  record Run(
      String mode,
      String started,
      String command,
      List<String> machine,
      String loadBefore,
      String loadAfter,
      long seconds,
      List<String> wrkLoad) {}

  /** One metric update, in ns per call. */
  record Update(String benchmark, int threads, double ns, double error) {}

  /** One scrape of {@code series} series in {@code format}: µs per scrape and its size. */
  record Scrape(int series, String format, double micros, double error, int bytes) {}

  /** counters-app's text scrape with or without the JVM and process metrics. */
  record JvmScrape(boolean jvmMetrics, double micros, double error, int bytes) {}

  /** The wrk runs of one side of a comparison (a few rounds of the same route). */
  record Side(List<Double> rps, List<Double> p50Ms, List<Double> p99Ms, long failed) {
    double meanRps() {
      return Stats.mean(rps);
    }

    double p50() {
      return Stats.mean(p50Ms);
    }

    double p99() {
      return Stats.mean(p99Ms);
    }
  }

  /**
   * A service's route and its bare twin, measured in alternation. {@code kind} is "route" (an
   * instrumented route, ratio target 0.95), "metrics" (the scrape, 15,000 req/s target) or
   * "metrics-jvm" (the scrape with runtime metrics on, reported only).
   */
  record Route(String app, String route, String kind, Side service, String twin, Side baseline) {
    double ratio() {
      return service.meanRps() / baseline.meanRps();
    }
  }

  /**
   * A service's resident memory in the HTTP phase (tuned launch, access log and JVM metrics off).
   */
  record ServiceMemory(String app, double startMb, double afterMb, long loadSeconds) {}

  /** Start-up of one service under one launch: ms to the first 200 on /metrics, RSS then. */
  record Startup(String app, String launch, String shell, List<Double> ms, List<Double> rssMb) {}

  // the floors use Startup too: app is the bare server's name, shell is empty

  /** The first tuned start of a new jar, and the archive a training run made beside it. */
  record Training(String app, double ms, double archiveMb) {}

  /** counters-app under one launch: RSS after start, after the load, and the load's req/s. */
  record Memory(
      String launch, String shell, double startMb, double afterMb, double rps, long loadSeconds) {}

  /** A call made while the API hung: its path, status and milliseconds. */
  record Probe(String path, int status, double ms) {}

  /**
   * One contender during an API incident: what its hanging calls were answered (status: count), how
   * long they took, and the probes sent while they hung.
   */
  record Incident(
      String contender,
      String shell,
      int calls,
      long holdSeconds,
      Map<String, Long> statuses,
      double medianMs,
      double slowestMs,
      List<Probe> probes) {}

  Run run;

  /** One exercise's saves in the watcher: those that still fail, then the one that passes. */
  record ExerciseSaves(String exercise, List<Double> failingMs, double passingMs) {
    List<Double> allMs() {
      List<Double> all = new ArrayList<>(failingMs);
      all.add(passingMs);
      return all;
    }
  }

  /**
   * ./exercise's first starts to their first verdicts, the Maven compiles of the baseline, and
   * every exercise's saves.
   */
  record Exercises(
      List<Double> firstStartMs, List<Double> mavenCompileMs, List<ExerciseSaves> saves) {}

  /** A generated scrape read by ./compare's reader, beside only decoding and splitting it. */
  record Read(
      int series, String format, int bytes, List<Double> readerMs, List<Double> baselineMs) {}

  /** A malformed input refused by ./compare --check in a JVM of its own, with the heap it had. */
  record Refusal(
      String input, int bytes, String heap, List<Double> ms, int status, String answer) {}

  final List<Read> reads = new ArrayList<>();
  final List<Refusal> refusals = new ArrayList<>();
  final List<Update> updates = new ArrayList<>();
  final List<Scrape> scrapes = new ArrayList<>();
  final List<JvmScrape> jvmScrapes = new ArrayList<>();
  final List<Route> routes = new ArrayList<>();
  final List<ServiceMemory> serviceMemory = new ArrayList<>();
  final List<Startup> startup = new ArrayList<>();
  final List<Startup> floors = new ArrayList<>();
  final List<Training> training = new ArrayList<>();
  final List<Memory> memory = new ArrayList<>();
  final List<Incident> incidents = new ArrayList<>();
  Exercises exercises;
}
