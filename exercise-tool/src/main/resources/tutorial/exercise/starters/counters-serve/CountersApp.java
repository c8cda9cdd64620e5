// Exercise counters-serve: the tutorial's using_counters.py, its last step.
//
// The counters count, but nobody can see them: add the route that Prometheus scrapes, /metrics,
// serving the registry the counters are registered with.

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;

/** The tutorial's {@code using_counters.py}: count the visits to two pages. */
public final class CountersApp implements TutorialApp {

  // Define Prometheus counters
  private final Counter homeCounter;
  private final Counter aboutCounter;

  private final PrometheusRegistry registry;

  public CountersApp(PrometheusRegistry registry) {
    this.registry = registry;
    homeCounter =
        Counter.builder()
            .name("home_page_visits")
            .help("Number of visits to the home page")
            .register(registry);
    aboutCounter =
        Counter.builder()
            .name("about_page_visits")
            .help("Number of visits to the about page")
            .register(registry);
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/", this::home);
    routes.get("/about", this::about);
    // TODO(Expose the metrics for Prometheus to scrape): a GET /metrics route, with
    // MetricsEndpoint's handler of the registry.
  }

  /** Route for the home page */
  void home(Context ctx) {
    // Increment the counter for the home page visits
    homeCounter.inc();
    ctx.html("<h1>Welcome to the Home Page</h1>");
  }

  /** Route for the about page */
  void about(Context ctx) {
    // Increment the counter for the about page visits
    aboutCounter.inc();
    ctx.html("<h1>Welcome to the About Page</h1>");
  }

  public static void main(String[] args) {
    Service.run("counters-app", args, CountersApp::new);
  }
}
