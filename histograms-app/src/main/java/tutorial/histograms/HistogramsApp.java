package tutorial.histograms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.Timer;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import tutorial.common.MetricsEndpoint;
import tutorial.common.RepositoryName;
import tutorial.common.Service;
import tutorial.common.TutorialApp;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;

/** The tutorial's {@code using_histograms.py}: time the calls to the repository API. */
public final class HistogramsApp implements TutorialApp {

  // Define a histogram to measure the time taken to process requests
  private final Histogram histogram;

  // The one labelled series this route uses, looked up once instead of on every request.
  private final DistributionDataPoint reposDuration;

  private final GitHubClient github;

  private final Tracing tracing;

  private final PrometheusRegistry registry;

  public HistogramsApp(PrometheusRegistry registry, GitHubClient github, Buckets buckets) {
    this(registry, github, buckets, Tracing.off());
  }

  public HistogramsApp(
      PrometheusRegistry registry, GitHubClient github, Buckets buckets, Tracing tracing) {
    this.registry = registry;
    Histogram.Builder builder =
        Histogram.builder()
            .name("request_duration_seconds")
            .help("Time taken to process a request")
            .labelNames("method", "endpoint") // <--- Labels
            .classicUpperBounds(buckets.upperBounds());
    histogram = (buckets.nativeToo() ? builder : builder.classicOnly()).register(registry);
    reposDuration = histogram.labelValues("GET", "/repos");
    this.github = github;
    this.tracing = tracing;
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    // Define the route to get information about a repository, each call traced: the
    // histogram's buckets then carry exemplars that lead to the trace (OpenMetrics only)
    routes.get("/repos/{username}/{repository}", tracing.traced(this::getRepos));
    // Define a route to expose metrics
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  /** Get information about a repository on GitHub. */
  void getRepos(Context ctx) {
    RepositoryName repos = RepositoryName.from(ctx);
    // Measure the time taken to process the request, failed calls included
    try (Timer timer = reposDuration.startTimer()) {
      // Send a GET request to the GitHub API and return its answer
      ctx.json(github.repository(repos));
    }
  }

  public static void main(String[] args) {
    UpstreamSettings upstream = new UpstreamSettings();
    Buckets buckets = new Buckets();
    Service.run(
        "histograms-app",
        args,
        List.of(upstream, buckets),
        registry -> {
          Tracing tracing = upstream.tracing();
          return new HistogramsApp(
              registry, GitHubClient.connect(upstream, tracing, registry), buckets, tracing);
        });
  }
}
