package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.function.Function;
import tutorial.common.TutorialApp;
import tutorial.histograms.Buckets;
import tutorial.histograms.HistogramsApp;
import tutorial.summaries.Quantiles;
import tutorial.summaries.SummariesApp;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/** Starting the tutorial's services inside the test JVM, each with its own registry and port. */
final class Services {

  private static final int WARM_UP_CALLS = 20;

  private Services() {}

  /**
   * {@code <module>/target/<module>.jar}, the runnable jar that the module's package phase made.
   */
  static Path jar(String module) {
    Path jar = DocsIT.REPO.resolve(module).resolve("target").resolve(module + ".jar");
    assertThat(jar).as("%s's jar: run the package phase first", module).isRegularFile();
    return jar;
  }

  /**
   * A service on a free 127.0.0.1 port, stopped (and its port checked) with the rest the test
   * started.
   */
  static RunningService start(
      StartedResources started, Function<PrometheusRegistry, TutorialApp> app) {
    return register(started, RunningService.start(app));
  }

  /**
   * A service on a documented port, set as its command line sets it ({@code --port=5001 ...}), with
   * the JVM metrics a learner's service has.
   */
  static RunningService startOn(
      StartedResources started, int port, Function<PrometheusRegistry, TutorialApp> app) {
    return register(started, RunningService.start(TestSettings.service("--port=" + port), app));
  }

  private static RunningService register(StartedResources started, RunningService service) {
    started.add(service);
    started.expectFreed(port(service));
    return service;
  }

  static int port(RunningService service) {
    return service.url("/").port();
  }

  /** The target as Prometheus scrapes it and writes it into the {@code instance} label. */
  static String address(RunningService service) {
    return "127.0.0.1:" + port(service);
  }

  /** {@code NATIVE_HISTOGRAM=true}: the classic buckets of the tutorial and a native histogram. */
  static Buckets classicAndNativeBuckets() {
    return TestSettings.parse(new Buckets(), "--buckets=python", "--native-histogram=true");
  }

  /**
   * The first calls in a fresh JVM load the classes of OkHttp, Jackson and Javalin's JSON mapping
   * and run interpreted, which can add 100 ms and push a request into a later bucket than its
   * upstream latency says. A few calls through a throwaway histograms-app and summaries-app do that
   * before any call is counted.
   */
  static void warmUp(RepositoryApi github) {
    try (RunningService histograms =
            RunningService.start(
                registry ->
                    new HistogramsApp(
                        registry,
                        github.client(),
                        TestSettings.parse(new Buckets(), "--buckets=python")));
        RunningService summaries =
            RunningService.start(
                registry ->
                    new SummariesApp(
                        registry,
                        github.client(),
                        TestSettings.parse(new Quantiles(), "--quantiles=true")))) {
      for (int i = 0; i < WARM_UP_CALLS; i++) {
        for (RunningService service : new RunningService[] {histograms, summaries}) {
          assertOk(service.get("/repos/warm/up"));
          service.scrape();
        }
      }
    }
  }

  /** A request of the tutorial's: it must succeed, or the counts after it mean nothing. */
  static Reply assertOk(Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply;
  }
}
