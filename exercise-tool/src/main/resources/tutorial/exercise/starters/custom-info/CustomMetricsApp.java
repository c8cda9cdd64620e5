// Exercise custom-info: the tutorial's custom_metrics.py, its Info.
//
// An Info exposes static facts as labels of a series whose value is always 1: declare
// application_info with the labels version and author, and set them to "1.0" and "John Doe".
// The state routes work already; the state's metric is the next exercise.

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;

/** The tutorial's {@code custom_metrics.py}: an Info for static facts and the app's state. */
public final class CustomMetricsApp implements TutorialApp {

  static final List<String> STATES = List.of("loading", "missing", "running", "stopped");

  // TODO(Define an Info metric to expose static information): a field info.

  private String current;

  private final PrometheusRegistry registry;

  public CustomMetricsApp(PrometheusRegistry registry) {
    this.registry = registry;
    // TODO(Define an Info metric to expose static information): application_info ("Application
    // information") with the labels version and author, registered; then set them.

    // Set the state to 'running'
    setState("running");
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/state", this::getState);
    routes.post("/state/{state}", this::changeState);
    // Expose the metrics for Prometheus to scrape
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  void getState(Context ctx) {
    ctx.json(Map.of("state", currentState()));
  }

  void changeState(Context ctx) {
    String next = ctx.pathParam("state");
    if (!STATES.contains(next)) {
      throw new BadRequestResponse("state must be one of " + String.join(", ", STATES));
    }
    setState(next);
    ctx.json(Map.of("state", next));
  }

  private synchronized void setState(String next) {
    current = next;
  }

  private synchronized String currentState() {
    return current;
  }

  public static void main(String[] args) {
    Service.run("custom-metrics-app", args, CustomMetricsApp::new);
  }
}
