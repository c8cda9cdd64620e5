package tutorial.summaries;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.Timer;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import tutorial.common.GitHubClient;
import tutorial.common.RepositoryName;
import tutorial.common.RepositoryRoute;
import tutorial.common.Service;
import tutorial.common.TutorialApp;
import tutorial.common.UpstreamSettings;

/** The tutorial's {@code using_summaries.py}: the same timing as a summary. */
public final class SummariesApp implements TutorialApp {

  // Define a summary to measure the time taken to process requests
  private final Summary summary;

  // The one labelled series this route uses, looked up once instead of on every request.
  private final DistributionDataPoint reposProcessing;

  private final GitHubClient github;

  public SummariesApp(PrometheusRegistry registry, GitHubClient github) {
    this(registry, github, Quantiles.of(false));
  }

  public SummariesApp(PrometheusRegistry registry, GitHubClient github, Quantiles quantiles) {
    Summary.Builder builder =
        Summary.builder()
            .name("request_processing_seconds")
            .help("Time spent processing request")
            .labelNames("method", "endpoint");
    summary = quantiles.applyTo(builder).register(registry);
    reposProcessing = summary.labelValues("get", RepositoryRoute.ENDPOINT);
    this.github = github;
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get(RepositoryRoute.PATH, this::getRepos);
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
        registry -> new SummariesApp(registry, upstream.connect(), quantiles),
        upstream,
        quantiles);
  }
}
