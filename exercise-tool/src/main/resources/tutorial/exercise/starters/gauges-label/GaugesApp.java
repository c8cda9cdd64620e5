// Exercise gauges-label: the tutorial's using_gauges.py, its first step.
//
// A gauge list_size with one label, list, whose series "my_list" follows the size of the list:
// declare it, and set it after every add. Save the file: ./exercise adds the tutorial's numbers
// (5, 10, 21 and 87) and reads /metrics.

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

  // TODO(Define a gauge to track the size of a list): a field listSizeGauge.

  private final List<Long> myList = new ArrayList<>();

  private final PrometheusRegistry registry;

  public GaugesApp(PrometheusRegistry registry) {
    this.registry = registry;
    // TODO(Define a gauge to track the size of a list): list_size ("Size of a list") with the
    // label list, registered.
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
      // TODO(Set the gauge to the length of my_list): the series of the label value "my_list".
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
