package tutorial.counters;

import java.util.List;
import tutorial.testkit.ServiceJarContract;

/** {@code java -jar counters-app/target/counters-app.jar}, as a learner starts it. */
class CountersJarIT extends ServiceJarContract {
  CountersJarIT() {
    super("counters-app", List.of("home_page_visits_total", "about_page_visits_total"), List.of());
  }
}
