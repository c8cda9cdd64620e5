// Exercise custom-state: the tutorial's custom_metrics.py, its Enum.
//
// Python's Enum is a StateSet in client_java: one series per state, 1 for the state the app is in
// and 0 for the others. Declare application_state with the tutorial's four states, and keep
// exactly one of them set: at start, and after every POST /state/{state}.

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

/** The tutorial's {@code custom_metrics.py}: an Info for static facts and the app's state. */
public final class CustomMetricsApp implements TutorialApp {

  static final List<String> STATES = List.of("loading", "missing", "running", "stopped");

  // Define an Info metric to expose static information
  private final Info info;

  // TODO(Define an Enum metric to track states): a field state.

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

    // TODO(Define an Enum metric to track states): application_state ("Application state") with
    // the STATES, registered.

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
    // TODO(Set exactly one state): the new state set, and the one before it no longer.
    current = next;
  }

  private synchronized String currentState() {
    return current;
  }

  public static void main(String[] args) {
    Service.run("custom-metrics-app", args, CustomMetricsApp::new);
  }
}
