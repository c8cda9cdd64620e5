package tutorial.benchmarks.jmh;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The apps' metrics, built with the same builder calls as the apps build them, so that the
 * benchmarks time the updates the apps make. AppMetricsTest checks each against the app's own
 * scrape, so a change in an app that these miss fails the build.
 */
public final class AppMetrics {

  /** histograms-app's default layout: the Python client's buckets. */
  public static final double[] PYTHON_BUCKETS = {
    .005, .01, .025, .05, .075, .1, .25, .5, .75, 1, 2.5, 5, 7.5, 10
  };

  private AppMetrics() {}

  /** counters-app: {@code home_page_visits}, no labels. */
  public static Counter homePageVisits(PrometheusRegistry registry) {
    return Counter.builder()
        .name("home_page_visits")
        .help("Number of visits to the home page")
        .register(registry);
  }

  /** gauges-app: {@code list_size{list}}. */
  public static Gauge listSize(PrometheusRegistry registry) {
    return Gauge.builder()
        .name("list_size")
        .help("Size of a list")
        .labelNames("list")
        .register(registry);
  }

  /** histograms-app, as started by default: classic buckets only, the Python layout. */
  public static Histogram requestDuration(PrometheusRegistry registry) {
    return Histogram.builder()
        .name("request_duration_seconds")
        .help("Time taken to process a request")
        .labelNames("method", "endpoint")
        .classicUpperBounds(PYTHON_BUCKETS.clone())
        .classicOnly()
        .register(registry);
  }

  /** summaries-app: count and sum only, or with {@code --quantiles=true} its three quantiles. */
  public static Summary requestProcessing(PrometheusRegistry registry, boolean quantiles) {
    Summary.Builder builder =
        Summary.builder()
            .name("request_processing_seconds")
            .help("Time spent processing request")
            .labelNames("method", "endpoint");
    if (quantiles) {
      builder.quantile(0.5, 0.05).quantile(0.9, 0.01).quantile(0.99, 0.001);
    }
    return builder.register(registry);
  }
}
