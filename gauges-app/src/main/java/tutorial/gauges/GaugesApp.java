package tutorial.gauges;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;

/** The tutorial's {@code using_gauges.py}: a gauge that follows the size of a list. */
public final class GaugesApp implements TutorialApp {

  // Define a gauge to track the size of a list
  private final Gauge listSizeGauge;

  // Look the labelled series up once, not on every request (client_java's performance advice).
  private final GaugeDataPoint myListSize;

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
    myListSize = listSizeGauge.labelValues("my_list");
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
      myListSize.set(myList.size());
    }
    ctx.result("Added " + num + " to my_list");
  }

  /** Route to remove a number from my_list */
  void remove(Context ctx) {
    long num = number(ctx);
    synchronized (myList) {
      // remove num from my_list; unlike Python's list.remove, a missing number is a 404, not a 500
      if (!myList.remove((Long) num)) {
        throw new NotFoundResponse(num + " is not in my_list");
      }
      // set the gauge to the length of my_list
      myListSize.set(myList.size());
    }
    ctx.result("Removed " + num + " from my_list");
  }

  /**
   * Like Flask's {@code <int:num1>}: no sign, no fraction. Unlike it: ASCII digits only (Python's
   * {@code \d} also takes other scripts' digits, such as U+0663 ARABIC-INDIC DIGIT THREE) and at
   * most a {@code long} (Python's int has no limit).
   */
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  private static long number(Context ctx) {
    String text = ctx.pathParam("num");
    if (DIGITS.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        // falls through to the same answer as any other bad number
      }
    }
    throw new BadRequestResponse("num must be a whole number from 0 to " + Long.MAX_VALUE);
  }

  public static void main(String[] args) {
    Service.run("gauges-app", args, GaugesApp::new);
  }
}
