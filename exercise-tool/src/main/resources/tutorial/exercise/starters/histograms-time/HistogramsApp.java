// Exercise histograms-time: the tutorial's using_histograms.py, its second step.
//
// Time every call to the repository API, the failed ones too: a repository that does not exist is
// a 404 from the API, and still a call that took time. Save the file: ./exercise makes three
// calls, one of them for a missing repository, and reads the histogram's count.

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

  // Define a histogram to measure the time taken to process requests
  private final Histogram histogram;

  // The one labelled series this route uses, looked up once instead of on every request.
  private final DistributionDataPoint reposDuration;

  private final GitHubClient github;

  private final PrometheusRegistry registry;

  public HistogramsApp(PrometheusRegistry registry, GitHubClient github) {
    this.registry = registry;
    this.github = github;
    histogram =
        Histogram.builder()
            .name("request_duration_seconds")
            .help("Time taken to process a request")
            .labelNames("method", "endpoint")
            .classicUpperBounds(PYTHON_DEFAULT_BUCKETS)
            .register(registry);
    reposDuration = histogram.labelValues("GET", "/repos");
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
