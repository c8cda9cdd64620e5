package tutorial.exercise.solutions;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;

/**
 * The solution of the exercise {@code labels-route}: every request counted by its route template,
 * {@code /add/{num}}, never by the path a user typed, {@code /add/3}, which would make a new series
 * for every number.
 */
public final class RouteLabelsApp implements TutorialApp {

  // Count the requests by method and route
  private final Counter requests;

  private final List<Long> myList = new ArrayList<>();

  private final PrometheusRegistry registry;

  public RouteLabelsApp(PrometheusRegistry registry) {
    this.registry = registry;
    requests =
        Counter.builder()
            .name("http_requests")
            .help("HTTP requests by route")
            .labelNames("method", "endpoint")
            .register(registry);
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/add/{num}", this::add);
    routes.get("/remove/{num}", this::remove);
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  void add(Context ctx) {
    long num = number(ctx);
    synchronized (myList) {
      myList.add(num);
    }
    count(ctx);
    ctx.result("Added " + num + " to my_list");
  }

  void remove(Context ctx) {
    long num = number(ctx);
    synchronized (myList) {
      if (!myList.remove((Long) num)) {
        throw new NotFoundResponse(num + " is not in my_list");
      }
    }
    count(ctx);
    ctx.result("Removed " + num + " from my_list");
  }

  private void count(Context ctx) {
    // Label by the route, not the path: ctx.endpoint().path is "/add/{num}" whatever was typed
    requests.labelValues(ctx.method().name(), ctx.endpoint().path).inc();
  }

  private static long number(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("num"));
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("num must be a whole number");
    }
  }

  public static void main(String[] args) {
    Service.run("labels-route", args, RouteLabelsApp::new);
  }
}
