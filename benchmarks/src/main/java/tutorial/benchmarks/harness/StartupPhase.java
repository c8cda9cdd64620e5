package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tutorial.testkit.Ports;

/**
 * Start-up: from process start to the first 200 on /metrics, with the services' default settings,
 * for the default and the tuned launch, alternated run by run so that both see the same machine;
 * then counters-app next to two bare servers under the same tuned launch (the floors: how much of
 * the start-up is Javalin's, and how much the instrumentation's); then counters-app with each tuned
 * setting alone, to show what each buys.
 */
final class StartupPhase {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  static final String FLOOR_JAVALIN = "bare Javalin";
  static final String FLOOR_BASELINE = "bare baseline";

  static final List<String> FIXED_ARCHIVE_ADDRESS =
      List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");

  private final Plan plan;
  private final Log log;
  private final Path root;
  private final Path logs;
  private final TunedOptions options;

  StartupPhase(Plan plan, Log log, Path root, Path out, TunedOptions options) {
    this.plan = plan;
    this.log = log;
    this.root = root;
    this.logs = out.resolve("logs");
    this.options = options;
  }

  void run(Results results, Path jar) throws IOException, InterruptedException {
    for (App app : App.all()) {
      // the first tuned start of a jar runs without the archive, which a training run makes
      // beside it: time that start once, from scratch, then wait for the archive
      Files.deleteIfExists(app.archive(root));
      Files.deleteIfExists(Path.of(app.archive(root) + ".jdk"));
      log.step("start-up: " + app.module + ", first tuned start (makes the archive beside it)");
      Measurement first = measure(service(app, Launch.tunedLaunch()));
      if (!App.awaitMadeBeside(app.archive(root))) {
        log.step("  warning: no archive after 90 s; the tuned starts below run without it");
      }
      long archiveBytes = Files.exists(app.archive(root)) ? Files.size(app.archive(root)) : 0;
      results.training.add(new Results.Training(app.module, first.ms, archiveBytes / 1e6));

      log.step(
          "start-up: "
              + app.module
              + ", default and tuned launch, "
              + plan.startupRuns()
              + " runs each");
      measureAlternately(app, List.of(Launch.defaults(), Launch.tunedLaunch()), results);
    }

    measureFloors(results, jar);

    List<Launch> single = new ArrayList<>();
    single.add(
        Launch.defaultsPlus(
            "class-data archive",
            List.of("-XX:SharedArchiveFile=" + root.relativize(App.COUNTERS.archive(root)))));
    for (TunedOptions.Setting setting : options.settings()) {
      single.add(Launch.defaultsPlus(setting.name(), setting.flags()));
    }
    // left out of the tuned launch (it gives up address randomisation for the archive), measured
    // to show what it would buy: this JDK relocates the archive at every start by default
    single.add(Launch.tunedPlus("fixed archive address", FIXED_ARCHIVE_ADDRESS));
    log.step("start-up: counters-app, the default launch plus one tuned setting at a time");
    measureAlternately(App.COUNTERS, single, results);
  }

  private void measureAlternately(App app, List<Launch> launches, Results results)
      throws IOException, InterruptedException {
    List<Contender> contenders = launches.stream().map(launch -> service(app, launch)).toList();
    Map<Contender, List<Measurement>> runs = alternate(contenders);
    for (int i = 0; i < launches.size(); i++) {
      Launch launch = launches.get(i);
      results.startup.add(
          summary(
              launch.name(),
              app.module,
              launch.name(),
              launch.shellForm(app.module),
              runs.get(contenders.get(i))));
    }
  }

  /** Logs one contender's runs and returns them as a row of the results. */
  private Results.Startup summary(
      String label, String app, String launch, String shell, List<Measurement> measurements) {
    List<Double> ms = measurements.stream().map(m -> m.ms).toList();
    List<Double> rss = measurements.stream().map(m -> m.rssMb).toList();
    log.step(
        String.format(
            "  %-28s min %5.0f ms, median %5.0f ms, RSS %4.0f MB   (%s)",
            label, Stats.min(ms), Stats.median(ms), Stats.median(rss), ms));
    return new Results.Startup(app, launch, shell, ms, rss);
  }

  private record Measurement(double ms, double rssMb) {}

  /** Something to start and time: its name, its command for a port, and its environment. */
  private record Contender(
      String name,
      String launch,
      Function<Integer, List<String>> command,
      Map<String, String> env) {}

  private Contender service(App app, Launch launch) {
    return new Contender(
        app.module,
        launch.name(),
        port -> launch.serviceCommand(app.module, List.of("--port=" + port, "--host=127.0.0.1")),
        launch.env());
  }

  /**
   * The floors, with the tuned launch and each its own class-data archive, made by a training run
   * as {@code ./run} makes the services': Javalin with one route ({@code BareJavalin}), and the
   * services' own wiring with no metric at all ({@code BareBaseline}: settings parsed by the same
   * code, access log on, JVM metrics off). Alternated with counters-app's tuned start.
   */
  private void measureFloors(Results results, Path jar) throws IOException, InterruptedException {
    log.step(
        "start-up: counters-app next to the bare servers, tuned launch, "
            + plan.startupRuns()
            + " runs each");
    List<Contender> contenders = new ArrayList<>();
    contenders.add(service(App.COUNTERS, Launch.tunedLaunch()));
    contenders.add(floor(jar, FLOOR_JAVALIN, "tutorial.benchmarks.BareJavalin", List.of()));
    contenders.add(
        floor(
            jar,
            FLOOR_BASELINE,
            "tutorial.benchmarks.BareBaseline",
            List.of("--host=127.0.0.1", "--jvm-metrics=false")));
    alternate(contenders)
        .forEach(
            (contender, measurements) ->
                results.floors.add(
                    summary(
                        contender.name(), contender.name(), contender.launch(), "", measurements)));
  }

  private Contender floor(Path jar, String name, String mainClass, List<String> flags)
      throws IOException, InterruptedException {
    // beside the jar it is only valid for, as ./run keeps a service's
    Path archive = jar.resolveSibling(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".jsa");
    Files.deleteIfExists(archive);
    log.step("start-up: " + name + ", training run for its class-data archive");
    int trainingPort = Ports.free();
    try (ServiceProcess training =
        ServiceProcess.start(
            name,
            floorCommand(
                jar, mainClass, "-XX:ArchiveClassesAtExit=" + archive, trainingPort, flags),
            Map.of(),
            root,
            trainingPort,
            logs.resolve("startup-" + name.replace(' ', '-') + "-training.log"))) {
      training.awaitFirstScrape(TIMEOUT);
      for (String path : List.of("/", "/about", "/metrics", "/nope")) {
        ServiceProcess.get(trainingPort, path);
      }
      training.stop(); // the JVM writes the archive as it exits
    }
    if (!Files.exists(archive)) {
      throw new IOException(
          name + ": the training run made no class-data archive (see its log in " + logs + ")");
    }
    return new Contender(
        name,
        "tuned",
        port -> floorCommand(jar, mainClass, "-XX:SharedArchiveFile=" + archive, port, flags),
        Map.of());
  }

  /** The tuned launch plus the archive flag, as {@code ./run} starts a service. */
  private List<String> floorCommand(
      Path jar, String mainClass, String archiveFlag, int port, List<String> flags) {
    List<String> args = new ArrayList<>(List.of("--port=" + port));
    args.addAll(flags);
    return new Launch("tuned", true, List.of(archiveFlag))
        .benchmarksCommand(options, jar, mainClass, args);
  }

  /**
   * Starts each contender in turn, {@code plan.startupRuns()} rounds, reversing the order every
   * other round.
   */
  private Map<Contender, List<Measurement>> alternate(List<Contender> contenders)
      throws IOException, InterruptedException {
    Map<Contender, List<Measurement>> runs = new LinkedHashMap<>();
    contenders.forEach(contender -> runs.put(contender, new ArrayList<>()));
    for (int i = 0; i < plan.startupRuns(); i++) {
      List<Contender> order = new ArrayList<>(contenders);
      if (i % 2 == 1) {
        Collections.reverse(order);
      }
      for (Contender contender : order) {
        runs.get(contender).add(measure(contender));
      }
    }
    return runs;
  }

  private Measurement measure(Contender contender) throws IOException, InterruptedException {
    int port = Ports.free();
    Path logFile =
        logs.resolve(
            "startup-" + (contender.name() + "-" + contender.launch()).replace(' ', '-') + ".log");
    try (ServiceProcess service =
        ServiceProcess.start(
            contender.name(),
            contender.command().apply(port),
            contender.env(),
            root,
            port,
            logFile)) {
      Duration elapsed = service.awaitFirstScrape(TIMEOUT);
      double rss = service.residentMb();
      int status = service.stop();
      if (status != 0 && !contender.name().equals(FLOOR_JAVALIN)) { // it has no graceful stop
        log.step(
            "  warning: "
                + contender.name()
                + " ("
                + contender.launch()
                + ") exited with "
                + status);
      }
      log.raw(
          String.format(
              "%s %s: %d ms, RSS %.1f MB",
              contender.name(), contender.launch(), elapsed.toMillis(), rss));
      return new Measurement(elapsed.toNanos() / 1e6, rss);
    }
  }
}
