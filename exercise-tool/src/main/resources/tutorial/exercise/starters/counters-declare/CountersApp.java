// Exercise counters-declare: the tutorial's using_counters.py, its first step.
//
// Declare the tutorial's two counters, home_page_visits and about_page_visits, each with its help
// text, and register them with the registry that /metrics serves. The routes and /metrics already
// work; counting the visits is the next exercise. Save the file: ./exercise checks it at once.

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;

/** The tutorial's {@code using_counters.py}: count the visits to two pages. */
public final class CountersApp implements TutorialApp {

  // TODO(Define Prometheus counters): a field for each, homeCounter and aboutCounter.

  private final PrometheusRegistry registry;

  public CountersApp(PrometheusRegistry registry) {
    this.registry = registry;
    // TODO(Define Prometheus counters): build home_page_visits ("Number of visits to the home
    // page") and about_page_visits ("Number of visits to the about page"), each registered.
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/", this::home);
    routes.get("/about", this::about);
    // Expose the metrics for Prometheus to scrape
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  /** Route for the home page */
  void home(Context ctx) {
    ctx.html("<h1>Welcome to the Home Page</h1>");
  }

  /** Route for the about page */
  void about(Context ctx) {
    ctx.html("<h1>Welcome to the About Page</h1>");
  }

  public static void main(String[] args) {
    Service.run("counters-app", args, CountersApp::new);
  }
}
