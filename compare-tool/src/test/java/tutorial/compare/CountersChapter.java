package tutorial.compare;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import tutorial.common.TutorialApp;
import tutorial.testkit.RunningService;

/**
 * The counters chapter's two families, as the tutorial names them, without depending on the app:
 * {@code /visit} counts one visit to each page, so that a service matches the step {@code
 * counters/after-visits} after one call and {@code counters/before-visits} before it.
 */
final class CountersChapter {

  private CountersChapter() {}

  static TutorialApp app(PrometheusRegistry registry) {
    Counter home =
        Counter.builder()
            .name("home_page_visits")
            .help("Number of visits to the home page")
            .register(registry);
    Counter about =
        Counter.builder()
            .name("about_page_visits")
            .help("Number of visits to the about page")
            .register(registry);
    return routes -> {
      RunningService.metricsOnly(registry).addRoutes(routes);
      routes.get(
          "/visit",
          ctx -> {
            home.inc();
            about.inc();
          });
    };
  }
}
