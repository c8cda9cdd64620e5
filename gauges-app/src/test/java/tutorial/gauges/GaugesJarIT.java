package tutorial.gauges;

import java.util.List;
import tutorial.testkit.ServiceJarContract;

/** {@code java -jar gauges-app/target/gauges-app.jar}, as a learner starts it. */
class GaugesJarIT extends ServiceJarContract {
  GaugesJarIT() {
    super("gauges-app", List.of("list_size"), List.of());
  }
}
