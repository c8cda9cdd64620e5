// Exercise gauges-down: the tutorial's using_gauges.py, its second step.
//
// What a counter cannot do: go down. The gauge follows every add; make it follow a remove too.
// Save the file: ./exercise adds the tutorial's numbers, removes 5 and reads /metrics.

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;

/** The tutorial's {@code using_gauges.py}: a gauge that follows the size of a list. */
public final class GaugesApp implements TutorialApp {

  // Define a gauge to track the size of a list
  private final Gauge listSizeGauge;

  private final List<Long> myList = new ArrayList<>();

  private final PrometheusRegistry registry;

  public GaugesApp(PrometheusRegistry registry) {
    this.registry = registry;
    listSizeGauge =
        Gauge.builder()
            .name("list_size")
            .help("Size of a list")
            .labelNames("list")
            .register(registry);
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/add/{num}", this::add);
    routes.get("/remove/{num}", this::remove);
    // Expose the metrics for Prometheus to scrape
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  /** Route to add a number to my_list */
  void add(Context ctx) {
    long num = number(ctx);
    synchronized (myList) {
      // add num to my_list
      myList.add(num);
      // set the gauge to the length of my_list
      listSizeGauge.labelValues("my_list").set(myList.size());
    }
    ctx.result("Added " + num + " to my_list");
  }

  /** Route to remove a number from my_list */
  void remove(Context ctx) {
    long num = number(ctx);
    synchronized (myList) {
      // remove num from my_list
      if (!myList.remove((Long) num)) {
        throw new NotFoundResponse(num + " is not in my_list");
      }
      // TODO(Set the gauge again after a remove): the list is shorter now.
    }
    ctx.result("Removed " + num + " from my_list");
  }

  private static long number(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("num"));
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("num must be a whole number");
    }
  }

  public static void main(String[] args) {
    Service.run("gauges-app", args, GaugesApp::new);
  }
}
