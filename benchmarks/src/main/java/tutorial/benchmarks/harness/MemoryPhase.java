package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tutorial.testkit.Ports;

/**
 * Resident memory of counters-app, started as a learner starts it (access log and JVM metrics on),
 * right after start and after a minute of steady load, under the default launch, the tuned one, and
 * the default one plus each tuned setting alone.
 */
final class MemoryPhase {

  private final Plan plan;
  private final Log log;
  private final Path root;
  private final TunedOptions options;
  private final Wrk wrk;

  MemoryPhase(Plan plan, Log log, Path root, TunedOptions options) {
    this.plan = plan;
    this.log = log;
    this.root = root;
    this.options = options;
    this.wrk = new Wrk(plan.wrkLoad(), log);
  }

  void run(Results results) throws IOException, InterruptedException {
    List<Launch> launches = new ArrayList<>();
    launches.add(Launch.defaults());
    if (plan.memoryPerSetting()) {
      for (TunedOptions.Setting setting : options.settings()) {
        launches.add(Launch.defaultsPlus(setting.name(), setting.flags()));
      }
    }
    launches.add(Launch.tunedLaunch());
    for (Launch launch : launches) {
      log.step(
          "memory: counters-app, "
              + launch.name()
              + ", "
              + plan.memoryLoad().toSeconds()
              + " s of load");
      results.memory.add(
          measure(
              launch.name(),
              launch.shellForm("counters-app"),
              launch::serviceCommand,
              launch.env()));
    }
  }

  /** How counters-app is started, given its flags. */
  interface Command {
    List<String> with(String app, List<String> flags);
  }

  /** counters-app, started by {@code command}: its RSS after start and after the mixed load. */
  Results.Memory measure(String launchName, String shell, Command command, Map<String, String> env)
      throws IOException, InterruptedException {
    int port = Ports.free();
    List<String> flags = List.of("--port=" + port, "--host=127.0.0.1");
    Wrk.Request mixed = Wrk.Request.script(root.resolve("benchmarks/wrk/mixed.lua"), "/", "/about");
    // the access log of a minute of load is large and not what is measured
    try (ServiceProcess service =
        ServiceProcess.start(
            "counters-app", command.with("counters-app", flags), env, root, port, null)) {
      service.awaitFirstScrape(Duration.ofSeconds(60));
      double startMb = service.residentMb();
      Wrk.Result load = wrk.run(port, mixed, plan.memoryLoad());
      double afterMb = service.residentMb();
      service.stop();
      log.step(
          String.format(
              "  RSS %.0f MB after start, %.0f MB after load (%.0f req/s)",
              startMb, afterMb, load.requestsPerSecond()));
      return new Results.Memory(
          launchName,
          shell,
          startMb,
          afterMb,
          load.requestsPerSecond(),
          plan.memoryLoad().toSeconds());
    }
  }
}
