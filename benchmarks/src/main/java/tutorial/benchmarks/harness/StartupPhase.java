package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up: from process start to the first 200 on /metrics, with the services' default settings,
 * for the default and the tuned launch, alternated run by run so that both see the same machine;
 * then counters-app with each tuned setting alone, to show what each buys.
 */
final class StartupPhase {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

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

  void run(Results results) throws IOException, InterruptedException {
    for (App app : App.values()) {
      // the first tuned start after a build also makes the archive: time that once, from scratch
      Files.deleteIfExists(app.archive(root));
      log.step("start-up: " + app.module + ", first tuned start (makes the class-data archive)");
      Measurement first = measure(app, Launch.tunedLaunch());
      long archiveBytes = Files.exists(app.archive(root)) ? Files.size(app.archive(root)) : 0;
      results.training.add(new Results.Training(app.module, first.ms, archiveBytes / 1e6));

      log.step("start-up: " + app.module + ", default and tuned launch, " + plan.startupRuns() + " runs each");
      measureAlternately(app, List.of(Launch.defaults(), Launch.tunedLaunch()), results);
    }

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
    Map<Launch, List<Measurement>> runs = new LinkedHashMap<>();
    launches.forEach(launch -> runs.put(launch, new ArrayList<>()));
    for (int i = 0; i < plan.startupRuns(); i++) {
      List<Launch> order = new ArrayList<>(launches);
      if (i % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (Launch launch : order) {
        runs.get(launch).add(measure(app, launch));
      }
    }
    runs.forEach(
        (launch, measurements) -> {
          List<Double> ms = measurements.stream().map(m -> m.ms).toList();
          List<Double> rss = measurements.stream().map(m -> m.rssMb).toList();
          log.step(
              String.format(
                  "  %-28s min %5.0f ms, median %5.0f ms, RSS %4.0f MB   (%s)",
                  launch.name(), Stats.min(ms), Stats.median(ms), Stats.median(rss), ms));
          results.startup.add(
              new Results.Startup(app.module, launch.name(), launch.shellForm(app.module), ms, rss));
        });
  }

  private record Measurement(double ms, double rssMb) {}

  private Measurement measure(App app, Launch launch) throws IOException, InterruptedException {
    int port = ServiceProcess.freePort();
    List<String> command =
        launch.serviceCommand(app.module, List.of("--port=" + port, "--host=127.0.0.1"));
    Path logFile = logs.resolve("startup-" + app.module + "-" + launch.name().replace(' ', '-') + ".log");
    try (ServiceProcess service =
        ServiceProcess.start(app.module, command, launch.env(), root, port, logFile)) {
      Duration elapsed = service.awaitFirstScrape(TIMEOUT);
      double rss = service.residentMb();
      int status = service.stop();
      if (status != 0) {
        log.step("  warning: " + app.module + " (" + launch.name() + ") exited with " + status);
      }
      log.raw(String.format("%s %s: %d ms, RSS %.1f MB", app.module, launch.name(), elapsed.toMillis(), rss));
      return new Measurement(elapsed.toNanos() / 1e6, rss);
    }
  }
}
