package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tutorial.testkit.Ports;

/**
 * What a user gets, on every JDK found: counters-app started as the README starts it ({@code ./run
 * counters-app}: the tuned launch, the access log and the JVM metrics on) next to plain Javalin
 * ({@link tutorial.benchmarks.BareJavalin}: one route, no log, the same tuned JVM flags). Its
 * start-up beside the tutorial's Python app, its {@code /} throughput as a ratio of plain Javalin's
 * in alternated rounds, and its resident memory after a minute of load.
 */
final class UserViewPhase {

  static final String KIND = "user";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final String PYTHON = "the tutorial's Python app";

  private final Plan plan;
  private final Log log;
  private final Path root;
  private final TunedOptions options;
  private final Wrk wrk;
  private final MemoryPhase memory;

  UserViewPhase(Plan plan, Log log, Path root, TunedOptions options) {
    this.plan = plan;
    this.log = log;
    this.root = root;
    this.options = options;
    this.wrk = new Wrk(plan.wrkLoad(), log);
    this.memory = new MemoryPhase(plan, log, root, options);
  }

  void run(Results results, Path benchmarksJar) throws IOException, InterruptedException {
    for (Jdks.Jdk jdk : Jdks.find().all()) {
      startup(jdk, results);
      route(jdk, benchmarksJar, results);
      memory(jdk, results);
    }
  }

  /** ./run's start-up on this JDK, alternated with the Python app's, median of the runs. */
  private void startup(Jdks.Jdk jdk, Results results) throws IOException, InterruptedException {
    log.step("user view, " + jdk.name() + ": start-up of ./run counters-app beside the Python app");
    awaitCache(jdk);
    List<Double> run = new ArrayList<>();
    List<Double> python = new ArrayList<>();
    // three times the starts of the other start-up comparisons: a goal hangs on this median
    for (int i = 0; i < 3 * plan.startupRuns(); i++) {
      run.add(timeStart("counters-app", List.of("./run", "counters-app"), jdk.env()));
      python.add(
          timeStart("python", List.of("/usr/bin/python3", "python/using_counters.py"), Map.of()));
    }
    log.step(
        String.format(
            "  ./run counters-app: median %.0f ms %s; Python app: median %.0f ms %s",
            Stats.median(run), run, Stats.median(python), python));
    results.startup.add(
        new Results.Startup(
            "counters-app, " + jdk.name(), KIND, jdk.shell("./run counters-app"), run, List.of()));
    results.startup.add(
        new Results.Startup(
            PYTHON + " (beside " + jdk.name() + ")",
            KIND,
            "python3 python/using_counters.py",
            python,
            List.of()));
  }

  /**
   * The first tuned start after a build makes the JDK's cache or archive beside the start, in the
   * background: one start first, untimed, and the cache is awaited.
   */
  private void awaitCache(Jdks.Jdk jdk) throws IOException, InterruptedException {
    Path cache =
        root.resolve("counters-app/target/counters-app." + (jdk.release() >= 25 ? "aot" : "jsa"));
    // made afresh for this JDK: the stamp beside the cache is written once the cache is whole
    Path stamp = Path.of(cache + ".jdk");
    Files.deleteIfExists(stamp);
    timeStart("counters-app", List.of("./run", "counters-app"), jdk.env());
    if (!App.awaitMadeBeside(cache)) {
      log.step(
          "  warning: no " + cache.getFileName() + " after 90 s; the starts below run without it");
    }
  }

  /** Milliseconds to the first scrape; both contenders take their port from PORT. */
  private double timeStart(String name, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    int port = Ports.free();
    Map<String, String> withPort = new TreeMap<>(env);
    withPort.put("PORT", String.valueOf(port));
    withPort.put("HOST", "127.0.0.1");
    try (ServiceProcess service = ServiceProcess.start(name, command, withPort, root, port, null)) {
      return service.awaitFirstScrape(START_TIMEOUT).toNanos() / 1e6;
    }
  }

  /** counters-app's / with its defaults against plain Javalin's, in alternated rounds. */
  private void route(Jdks.Jdk jdk, Path benchmarksJar, Results results)
      throws IOException, InterruptedException {
    log.step(
        "user view, " + jdk.name() + ": / of ./run counters-app (defaults) against plain Javalin");
    int barePort = Ports.free();
    List<String> bare = new ArrayList<>(List.of(jdk.java().toString()));
    bare.addAll(options.allFlags());
    bare.addAll(
        List.of(
            "-cp",
            benchmarksJar.toString(),
            "tutorial.benchmarks.BareJavalin",
            "--port=" + barePort));
    int port = Ports.free();
    List<String> service = List.of("./run", "counters-app", "--port=" + port, "--host=127.0.0.1");
    try (ServiceProcess javalin =
            ServiceProcess.start("plain Javalin", bare, Map.of(), root, barePort, null);
        ServiceProcess app =
            ServiceProcess.start("counters-app", service, jdk.env(), root, port, null)) {
      javalin.awaitFirstScrape(START_TIMEOUT);
      app.awaitFirstScrape(START_TIMEOUT);
      Wrk.Request home = Wrk.Request.path("/");
      log.step("  warm-up: " + plan.minWarmupPerJvm().toSeconds() + " s on each");
      wrk.run(barePort, home, plan.minWarmupPerJvm());
      wrk.run(port, home, plan.minWarmupPerJvm());
      // a 5 % difference is what is looked for: four times the rounds of the other comparisons,
      // each half as long, so the machine's drift between two neighbouring runs stays small
      Wrk.Alternated runs =
          wrk.alternate(port, barePort, home, 4 * plan.rounds(), plan.run().dividedBy(2));
      Results.Route route =
          runs.route("counters-app", "/ (defaults), " + jdk.name(), KIND, "plain Javalin /");
      results.routes.add(route);
      log.step(
          String.format(
              "  counters-app %.0f req/s, plain Javalin %.0f req/s: ratio %.3f",
              route.service().meanRps(), route.baseline().meanRps(), route.ratio()));
    }
  }

  /** counters-app as ./run starts it, after a minute of routes and scrapes. */
  private void memory(Jdks.Jdk jdk, Results results) throws IOException, InterruptedException {
    log.step(
        "user view, "
            + jdk.name()
            + ": RSS of ./run counters-app after "
            + plan.memoryLoad().toSeconds()
            + " s of load");
    Launch tuned = Launch.tunedLaunch();
    Map<String, String> env = new TreeMap<>(tuned.env());
    env.putAll(jdk.env());
    results.memory.add(
        memory.measure(
            "tuned, " + jdk.name(), jdk.shell("./run counters-app"), tuned::serviceCommand, env));
  }
}
