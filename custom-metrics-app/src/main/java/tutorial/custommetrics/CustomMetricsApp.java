package tutorial.custommetrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;

/**
 * The tutorial's {@code custom_metrics.py}: an Info metric for static facts and an Enum, which
 * client_java calls a StateSet, for the application's state.
 */
public final class CustomMetricsApp implements TutorialApp {

  static final List<String> STATES = List.of("loading", "missing", "running", "stopped");

  // Define an Info metric to expose static information
  private final Info info;

  // Define an Enum metric to track states or statuses
  private final StateSet state;

  private String current;

  private final PrometheusRegistry registry;

  public CustomMetricsApp(PrometheusRegistry registry) {
    this.registry = registry;
    info =
        Info.builder()
            .name("application_info")
            .help("Application information")
            .labelNames("version", "author")
            .register(registry);
    // Set the static information
    info.setLabelValues("1.0", "John Doe");

    state =
        StateSet.builder()
            .name("application_state")
            .help("Application state")
            .states(STATES.toArray(String[]::new))
            .register(registry);
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

  /**
   * Python's {@code Enum.state()}: exactly one state true. A StateSet is a set of flags, so the
   * previous state has to be cleared by hand.
   */
  private synchronized void setState(String next) {
    if (current != null && !current.equals(next)) {
      state.setFalse(current);
    }
    state.setTrue(next);
    current = next;
  }

  private synchronized String currentState() {
    return current;
  }

  public static void main(String[] args) {
    Service.run("custom-metrics-app", args, CustomMetricsApp::new);
  }
}
