package tutorial.custommetrics;

import java.util.List;
import tutorial.testkit.ServiceJarContract;

/** {@code java -jar custom-metrics-app/target/custom-metrics-app.jar}, as a learner starts it. */
class CustomMetricsJarIT extends ServiceJarContract {
  CustomMetricsJarIT() {
    super("custom-metrics-app", List.of("application_info", "application_state"), List.of());
  }
}
