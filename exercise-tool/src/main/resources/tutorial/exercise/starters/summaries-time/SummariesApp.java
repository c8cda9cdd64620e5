// Exercise summaries-time: the tutorial's using_summaries.py.
//
// The same timing as the histogram's, as a summary request_processing_seconds: declare it with its
// labels method and endpoint, look its series up (the tutorial's says "get", in lower case), and
// time every call, the failed ones too.

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

  // TODO(Define a summary to measure the time taken): fields summary and reposProcessing.

  private final GitHubClient github;

  private final PrometheusRegistry registry;

  public SummariesApp(PrometheusRegistry registry, GitHubClient github) {
    this.registry = registry;
    this.github = github;
    // TODO(Define a summary to measure the time taken): request_processing_seconds ("Time spent
    // processing request"), labels method and endpoint, registered; then reposProcessing, its
    // series for method get and endpoint /repos.
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    // Define the route to get information about a repository
    routes.get("/repos/{username}/{repository}", this::getRepos);
    // Define a route to expose metrics
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  /** Get information about a repository on GitHub. */
  void getRepos(Context ctx) {
    RepositoryName repos = RepositoryName.from(ctx);
    // TODO(Measure the time taken to process the request): the call below, failed calls included.
    ctx.json(github.repository(repos));
  }

  public static void main(String[] args) {
    UpstreamSettings upstream = new UpstreamSettings();
    Service.run(
        "summaries-app",
        args,
        List.of(upstream),
        registry -> new SummariesApp(registry, GitHubClient.connect(upstream, Tracing.off())));
  }
}
