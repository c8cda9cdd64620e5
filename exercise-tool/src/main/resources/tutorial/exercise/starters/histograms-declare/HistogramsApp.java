// Exercise histograms-declare: the tutorial's using_histograms.py, its first step.
//
// Declare the histogram request_duration_seconds with its two labels, method and endpoint, in the
// buckets the tutorial's Python histogram has, and look its one series up: GET /repos. Timing the
// calls is the next exercise. The calls go to a stand-in for the repository API on this machine.

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

  /** The Python client's default buckets, which the tutorial's first histogram has. */
  static final double[] PYTHON_DEFAULT_BUCKETS = {
    .005, .01, .025, .05, .075, .1, .25, .5, .75, 1, 2.5, 5, 7.5, 10
  };

  // TODO(Define a histogram to measure the time taken): fields histogram and reposDuration.

  private final GitHubClient github;

  private final PrometheusRegistry registry;

  public HistogramsApp(PrometheusRegistry registry, GitHubClient github) {
    this.registry = registry;
    this.github = github;
    // TODO(Define a histogram to measure the time taken): request_duration_seconds ("Time taken
    // to process a request"), labels method and endpoint, PYTHON_DEFAULT_BUCKETS, registered; then
    // reposDuration, its series for method GET and endpoint /repos.
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
    // Send a GET request to the GitHub API and return its answer
    ctx.json(github.repository(repos));
  }

  public static void main(String[] args) {
    UpstreamSettings upstream = new UpstreamSettings();
    Service.run(
        "histograms-app",
        args,
        List.of(upstream),
        registry -> new HistogramsApp(registry, GitHubClient.connect(upstream, Tracing.off())));
  }
}
