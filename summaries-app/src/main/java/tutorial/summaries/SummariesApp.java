package tutorial.summaries;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.Timer;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import tutorial.common.MetricsEndpoint;
import tutorial.common.RepositoryName;
import tutorial.common.Service;
import tutorial.common.TutorialApp;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;

/** The tutorial's {@code using_summaries.py}: the same timing as a summary. */
public final class SummariesApp implements TutorialApp {

  // Define a summary to measure the time taken to process requests
  private final Summary summary;

  // The one labelled series this route uses, looked up once instead of on every request.
  private final DistributionDataPoint reposProcessing;

  private final GitHubClient github;

  private final Tracing tracing;

  private final PrometheusRegistry registry;

  public SummariesApp(PrometheusRegistry registry, GitHubClient github, Quantiles quantiles) {
    this(registry, github, quantiles, Tracing.off());
  }

  public SummariesApp(
      PrometheusRegistry registry, GitHubClient github, Quantiles quantiles, Tracing tracing) {
    this.registry = registry;
    Summary.Builder builder =
        Summary.builder()
            .name("request_processing_seconds")
            .help("Time spent processing request")
            .labelNames("method", "endpoint");
    summary = quantiles.applyTo(builder).register(registry);
    reposProcessing = summary.labelValues("get", "/repos");
    this.github = github;
    this.tracing = tracing;
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    // Define the route to get information about a repository, each call traced (a summary
    // carries no exemplars: the trace id is in the answer's header and the access log)
    routes.get("/repos/{username}/{repository}", tracing.traced(this::getRepos));
    // Define a route to expose metrics
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  /** Get information about a repository on GitHub. */
  void getRepos(Context ctx) {
    RepositoryName repos = RepositoryName.from(ctx);
    // Measure the time taken to process the request, failed calls included
    try (Timer timer = reposProcessing.startTimer()) {
      ctx.json(github.repository(repos));
    }
  }

  public static void main(String[] args) {
    UpstreamSettings upstream = new UpstreamSettings();
    Quantiles quantiles = new Quantiles();
    Service.run(
        "summaries-app",
        args,
        List.of(upstream, quantiles),
        registry -> {
          Tracing tracing = upstream.tracing();
          return new SummariesApp(
              registry, GitHubClient.connect(upstream, tracing, registry), quantiles, tracing);
        });
  }
}
