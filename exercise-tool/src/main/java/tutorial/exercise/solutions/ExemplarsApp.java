package tutorial.exercise.solutions;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tutorial.common.MetricsEndpoint;
import tutorial.common.RepositoryName;
import tutorial.common.Service;
import tutorial.common.TutorialApp;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;

/**
 * The solution of the exercise {@code exemplars-trace}: each call's duration carries the call's
 * trace id as an exemplar, so that a slow bucket in Grafana leads to the trace of a slow call. The
 * histograms chapter gets its exemplars from OpenTelemetry (docs/exemplars.md); this one attaches
 * them by hand, which is what that integration does inside.
 */
public final class ExemplarsApp implements TutorialApp {

  private final Histogram histogram;

  private final DistributionDataPoint reposDuration;

  private final GitHubClient github;

  private final PrometheusRegistry registry;

  public ExemplarsApp(PrometheusRegistry registry, GitHubClient github) {
    this.registry = registry;
    this.github = github;
    histogram =
        Histogram.builder()
            .name("request_duration_seconds")
            .help("Time taken to process a request")
            .labelNames("method", "endpoint")
            .classicUpperBounds(.1, .2, .3, .4, .5, .6, .7, .8, .9, 1)
            .classicOnly()
            .register(registry);
    reposDuration = histogram.labelValues("GET", "/repos");
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/repos/{username}/{repository}", this::getRepos);
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  void getRepos(Context ctx) {
    RepositoryName repos = RepositoryName.from(ctx);
    // The call's trace id, in the answer too, so that whoever called can find its trace
    String traceId = newTraceId();
    ctx.header("trace-id", traceId);
    long start = System.nanoTime();
    try {
      ctx.json(github.repository(repos));
    } finally {
      double seconds = (System.nanoTime() - start) / 1e9;
      // Attach the trace id as an exemplar
      reposDuration.observeWithExemplar(seconds, Labels.of("trace_id", traceId));
    }
  }

  /** 16 random bytes in hex, as W3C trace ids are. */
  private static String newTraceId() {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  public static void main(String[] args) {
    UpstreamSettings upstream = new UpstreamSettings();
    Service.run(
        "exemplars-trace",
        args,
        List.of(upstream),
        registry -> new ExemplarsApp(registry, GitHubClient.connect(upstream, Tracing.off())));
  }
}
