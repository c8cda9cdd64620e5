package tutorial.benchmarks.harness;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tutorial.testkit.HangingApi;
import tutorial.testkit.Incident;
import tutorial.testkit.Ports;

/**
 * An incident on the repository API, as a service meets it: an API that holds every call for {@code
 * /repos/slow/slow} for 20 s, a thousand such calls at once, and meanwhile the scrape, the health
 * check and a call for another repository, each timed. histograms-app runs with its defaults,
 * started by {@code ./run} on every JDK found; the tutorial's Python app (Flask, one thread per
 * request) runs beside it against the same API.
 */
final class IncidentPhase {

  static final int CALLS = 1000;
  static final Duration HOLD = Duration.ofSeconds(20);
  private static final Duration SETTLE = Duration.ofSeconds(1);
  private static final String FAST = "/repos/prometheus/prometheus";

  private final Log log;
  private final Path root;

  IncidentPhase(Log log, Path root) {
    this.log = log;
    this.root = root;
  }

  void run(Results results) throws IOException, InterruptedException {
    // the stand-in API is a Javalin server: its start-up lines would bury the phase's own
    System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
    for (Jdks.Jdk jdk : Jdks.find().all()) {
      Launch launch = Launch.tunedLaunch();
      Map<String, String> env = new TreeMap<>(launch.env());
      env.putAll(jdk.env());
      results.incidents.add(
          measure(
              "histograms-app, " + jdk.name(),
              jdk.shell(launch.shellForm("histograms-app")),
              launch.serviceCommand("histograms-app", List.of()),
              env,
              // the last probe is one more hanging call: how soon a call past the bound is refused
              List.of("/metrics", "/health", FAST, "/repos/" + HangingApi.HANGING)));
    }
    results.incidents.add(
        measure(
            "the tutorial's Python app",
            "python3 python/using_histograms.py",
            List.of("/usr/bin/python3", "python/using_histograms.py"),
            Map.of(),
            List.of("/metrics", FAST)));
  }

  private Results.Incident measure(
      String name,
      String shell,
      List<String> command,
      Map<String, String> env,
      List<String> probePaths)
      throws IOException, InterruptedException {
    log.step(
        "incident: " + name + ", " + CALLS + " calls held " + HOLD.toSeconds() + " s by the API");
    int port = Ports.free();
    try (HangingApi api = HangingApi.start(HOLD)) {
      // both contenders take these settings from the environment
      Map<String, String> settings = new TreeMap<>(env);
      settings.put("PORT", String.valueOf(port));
      settings.put("HOST", "127.0.0.1");
      settings.put("GITHUB_API_URL", api.baseUrl());
      try (ServiceProcess service =
          ServiceProcess.start(name, command, settings, root, port, null)) {
        service.awaitFirstScrape(Duration.ofSeconds(90));
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        List<URI> probes = probePaths.stream().map(base::resolve).toList();
        // a service in production has answered its scrapes for a while before the API hangs
        for (int i = 0; i < 5; i++) {
          Incident.probe(probes);
        }
        Incident.Report report =
            Incident.run(base, CALLS, "/repos/" + HangingApi.HANGING, SETTLE, probes);
        Map<String, Long> statuses =
            report.hanging().stream()
                .collect(
                    Collectors.groupingBy(
                        a -> a.status() < 0 ? "failed" : String.valueOf(a.status()),
                        TreeMap::new,
                        Collectors.counting()));
        List<Double> tookMs =
            report.hanging().stream().map(a -> a.took().toNanos() / 1e6).sorted().toList();
        Results.Incident incident =
            new Results.Incident(
                name,
                shell,
                CALLS,
                HOLD.toSeconds(),
                statuses,
                tookMs.get(tookMs.size() / 2),
                tookMs.get(tookMs.size() - 1),
                report.probes().stream()
                    .map(p -> new Results.Probe(p.path(), p.status(), p.took().toNanos() / 1e6))
                    .toList());
        log.step(
            String.format(
                "  hanging calls: %s, median %.0f ms, slowest %.0f ms; while they hung: %s",
                statuses, incident.medianMs(), incident.slowestMs(), report.probes()));
        return incident;
      }
    }
  }
}
