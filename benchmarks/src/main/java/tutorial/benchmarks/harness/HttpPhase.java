package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tutorial.testkit.Ports;

/**
 * HTTP load with wrk: each service's instrumented routes and /metrics next to the bare baseline's
 * same routes. Both run at the same time, both warmed up, and their runs alternate (B S, then S B)
 * so that drift on a shared machine falls on both sides alike.
 */
final class HttpPhase {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** One comparison: a service's request, and the baseline's request it is compared with. */
  record Spec(String label, String kind, Wrk.Request request, String twinLabel, Wrk.Request twin) {}

  /** One service JVM and what is measured in it. */
  record Block(App app, List<String> flags, List<Spec> specs) {}

  private final Plan plan;
  private final Log log;
  private final Path root;
  private final Path logs;
  private final TunedOptions options;
  private final Wrk wrk;

  HttpPhase(Plan plan, Log log, Path root, Path out, TunedOptions options) {
    this.plan = plan;
    this.log = log;
    this.root = root;
    this.logs = out.resolve("logs");
    this.options = options;
    this.wrk = new Wrk(plan.wrkLoad(), log);
  }

  private List<Block> blocks() {
    Wrk.Request home = Wrk.Request.path("/");
    Wrk.Request metrics = Wrk.Request.path("/metrics");
    Wrk.Request addRemove =
        Wrk.Request.script(root.resolve("benchmarks/wrk/add-remove.lua"), "256");
    Wrk.Request repos = Wrk.Request.path("/repos/prometheus/prometheus");
    Spec scrape = new Spec("/metrics", "metrics", metrics, "/", home);
    List<String> runtimeOff = List.of("--jvm-metrics=false");
    List<Block> blocks = new ArrayList<>();
    for (App app : App.all()) {
      // each chapter's own routes, then its scrape
      List<Spec> specs = new ArrayList<>();
      switch (app.module) {
        case "counters-app" -> {
          specs.add(new Spec("/", "route", home, "/", home));
          specs.add(
              new Spec(
                  "/about",
                  "route",
                  Wrk.Request.path("/about"),
                  "/about",
                  Wrk.Request.path("/about")));
        }
        case "gauges-app" ->
            specs.add(new Spec("/add + /remove", "route", addRemove, "/add + /remove", addRemove));
        default -> {
          if (app.callsApi()) {
            specs.add(new Spec("/repos/..", "route", repos, "/repos/..", repos));
          }
        }
      }
      specs.add(scrape);
      blocks.add(new Block(app, runtimeOff, specs));
    }
    blocks.add(
        new Block(
            App.COUNTERS,
            List.of("--jvm-metrics=true"),
            List.of(new Spec("/metrics, JVM metrics on", "metrics-jvm", metrics, "/", home))));
    return blocks;
  }

  void run(Results results, Path benchmarksJar) throws IOException, InterruptedException {
    List<Block> blocks = blocks();
    int basePort = Ports.free();
    List<String> baseFlags =
        List.of(
            "--port=" + basePort,
            "--host=127.0.0.1",
            "--request-log=false",
            "--jvm-metrics=false",
            "--offline=true",
            "--stand-in-latency=false");
    Launch launch = Launch.tunedLaunch();
    log.step("HTTP: starting the bare baseline (tuned JVM flags, access log and JVM metrics off)");
    try (ServiceProcess baseline =
        ServiceProcess.start(
            "bare-baseline",
            launch.baselineCommand(options, benchmarksJar, baseFlags),
            launch.env(),
            root,
            basePort,
            logs.resolve("http-bare-baseline.log"))) {
      baseline.awaitFirstScrape(START_TIMEOUT);
      Set<Wrk.Request> twins = new LinkedHashSet<>();
      blocks.forEach(b -> b.specs().forEach(s -> twins.add(s.twin())));
      warmUp("bare baseline", baseline.port(), new ArrayList<>(twins));
      for (Block block : blocks) {
        measure(block, baseline.port(), results);
      }
    }
  }

  private void measure(Block block, int basePort, Results results)
      throws IOException, InterruptedException {
    int port = Ports.free();
    List<String> flags =
        new ArrayList<>(List.of("--port=" + port, "--host=127.0.0.1", "--request-log=false"));
    flags.addAll(block.flags());
    flags.addAll(block.app().offlineFlags());
    Launch launch = Launch.tunedLaunch();
    String name = block.app().module + " " + String.join(" ", block.flags());
    log.step("HTTP: " + name);
    try (ServiceProcess service =
        ServiceProcess.start(
            block.app().module,
            launch.serviceCommand(block.app().module, flags),
            launch.env(),
            root,
            port,
            logs.resolve("http-" + block.app().module + ".log"))) {
      service.awaitFirstScrape(START_TIMEOUT);
      double startMb = service.residentMb();
      long loadStarted = System.nanoTime();
      warmUp(block.app().module, port, block.specs().stream().map(Spec::request).toList());

      List<List<Wrk.Result>> serviceRuns = new ArrayList<>();
      List<List<Wrk.Result>> baselineRuns = new ArrayList<>();
      block
          .specs()
          .forEach(
              s -> {
                serviceRuns.add(new ArrayList<>());
                baselineRuns.add(new ArrayList<>());
              });
      for (int round = 0; round < plan.rounds(); round++) {
        for (int i = 0; i < block.specs().size(); i++) {
          Spec spec = block.specs().get(i);
          if (round % 2 == 0) {
            baselineRuns.get(i).add(wrk.run(basePort, spec.twin(), plan.run()));
            serviceRuns.get(i).add(wrk.run(port, spec.request(), plan.run()));
          } else {
            serviceRuns.get(i).add(wrk.run(port, spec.request(), plan.run()));
            baselineRuns.get(i).add(wrk.run(basePort, spec.twin(), plan.run()));
          }
        }
      }
      double afterMb = service.residentMb();
      long loadSeconds = Duration.ofNanos(System.nanoTime() - loadStarted).toSeconds();
      results.serviceMemory.add(
          new Results.ServiceMemory(name.strip(), startMb, afterMb, loadSeconds));

      for (int i = 0; i < block.specs().size(); i++) {
        Spec spec = block.specs().get(i);
        Results.Route route =
            new Results.Route(
                block.app().module,
                spec.label(),
                spec.kind(),
                side(serviceRuns.get(i)),
                spec.twinLabel(),
                side(baselineRuns.get(i)));
        results.routes.add(route);
        log.step(
            String.format(
                "  %-26s %8.0f req/s (p50 %.2f ms, p99 %.2f ms)   bare %-15s %8.0f req/s   ratio %.3f",
                spec.label(),
                route.service().meanRps(),
                route.service().p50(),
                route.service().p99(),
                spec.twinLabel(),
                route.baseline().meanRps(),
                route.ratio()));
        if (route.service().failed() > 0 || route.baseline().failed() > 0) {
          log.step(
              "  warning: failed requests (non-2xx or socket errors): service "
                  + route.service().failed()
                  + ", baseline "
                  + route.baseline().failed());
        }
      }
      int status = service.stop();
      if (status != 0) {
        log.step("  warning: " + block.app().module + " exited with " + status);
      }
    }
  }

  /** Each request in turn until the JVM has had its warm-up; none of this is measured. */
  private void warmUp(String name, int port, List<Wrk.Request> requests)
      throws IOException, InterruptedException {
    long perRequest =
        Math.max(
            plan.warmupPerRoute().toSeconds(),
            (plan.minWarmupPerJvm().toSeconds() + requests.size() - 1) / requests.size());
    log.step(
        "  warm-up of "
            + name
            + ": "
            + perRequest
            + " s on each of "
            + requests.size()
            + " request(s)");
    for (Wrk.Request request : requests) {
      wrk.run(port, request, Duration.ofSeconds(perRequest));
    }
  }

  static Results.Side side(List<Wrk.Result> runs) {
    return new Results.Side(
        runs.stream().map(Wrk.Result::requestsPerSecond).toList(),
        runs.stream().map(Wrk.Result::p50Ms).toList(),
        runs.stream().map(Wrk.Result::p99Ms).toList(),
        runs.stream().mapToLong(Wrk.Result::failed).sum());
  }
}
