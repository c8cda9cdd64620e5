package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tutorial.testkit.Ports;

/**
 * What tracing costs a route: histograms-app's {@code /repos/..} as {@code ./run} starts it, with
 * its default tracing (a server span, a client span for the API call, the {@code traceparent} sent
 * on, the exemplar sampled, the spans logged in batches) against the same service with {@code
 * TRACING=false}, side by side, in alternated rounds. Both answer from the embedded stand-in at
 * once, so the comparison is the service's own work, of which tracing is a part. The observation
 * alone, with and without a current span, is timed by JMH ({@code histogramTimerInSpan}).
 */
final class TracingPhase {

  static final String KIND = "tracing";
  private static final String ROUTE = "/repos/prometheus/prometheus";
  private static final List<String> FLAGS =
      List.of("--offline=true", "--stand-in-latency=false", "--host=127.0.0.1");

  private final Plan plan;
  private final Log log;
  private final Path root;
  private final Wrk wrk;

  TracingPhase(Plan plan, Log log, Path root) {
    this.plan = plan;
    this.log = log;
    this.root = root;
    this.wrk = new Wrk(plan.wrkLoad(), log);
  }

  void run(Results results) throws IOException, InterruptedException {
    log.step("tracing: histograms-app's " + ROUTE + " traced (its default) and with TRACING=false");
    Launch launch = Launch.tunedLaunch();
    int tracedPort = Ports.free();
    int plainPort = Ports.free();
    try (ServiceProcess traced = start("traced", tracedPort, launch, true);
        ServiceProcess plain = start("untraced", plainPort, launch, false)) {
      traced.awaitFirstScrape(Duration.ofSeconds(90));
      plain.awaitFirstScrape(Duration.ofSeconds(90));
      Wrk.Request route = Wrk.Request.path(ROUTE);
      log.step("  warm-up: " + plan.minWarmupPerJvm().toSeconds() + " s on each");
      wrk.run(tracedPort, route, plan.minWarmupPerJvm());
      wrk.run(plainPort, route, plan.minWarmupPerJvm());
      Wrk.Alternated runs =
          wrk.alternate(tracedPort, plainPort, route, 4 * plan.rounds(), plan.run().dividedBy(2));
      Results.Route measured =
          runs.route("histograms-app", "/repos/.. traced", KIND, "/repos/.. with TRACING=false");
      results.routes.add(measured);
      log.step(
          String.format(
              "  traced %.0f req/s, untraced %.0f req/s: ratio %.3f",
              measured.service().meanRps(), measured.baseline().meanRps(), measured.ratio()));
    }
  }

  private ServiceProcess start(String name, int port, Launch launch, boolean tracing)
      throws IOException {
    Map<String, String> env = new TreeMap<>(launch.env());
    env.put("TRACING", Boolean.toString(tracing));
    List<String> flags = new ArrayList<>(FLAGS);
    flags.add("--port=" + port);
    // their access logs and span logs go nowhere: under load they are large
    return ServiceProcess.start(
        "histograms-app, " + name,
        launch.serviceCommand("histograms-app", flags),
        env,
        root,
        port,
        null);
  }
}
