package tutorial.benchmarks.jmh;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import tutorial.common.Service;

/**
 * A registry and a format writer, and one scrape of the first in the second: what {@code /metrics}
 * does for each request, without the HTTP around it.
 */
public final class ScrapeFixture {

  /** Series per family, so that 1k, 10k and 100k series are 10, 100 and 1000 families. */
  static final int SERIES_PER_FAMILY = 100;

  private final PrometheusRegistry registry;
  private final ExpositionFormatWriter writer;
  // reused, as client_java's scrape handler reuses its buffer: the cost of a scrape is writing it
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);

  private ScrapeFixture(PrometheusRegistry registry, Format format) {
    this.registry = registry;
    this.writer = format.writer();
  }

  /**
   * {@code series} series in families of 100, alternately counters with whole-number values
   * (request counts) and gauges with arbitrary ones (sizes, temperatures), each series with the two
   * labels a typical route metric has. Seeded: every run writes the same bytes.
   */
  public static ScrapeFixture withSeries(int series, Format format) {
    PrometheusRegistry registry = new PrometheusRegistry();
    SplittableRandom random = new SplittableRandom(7);
    for (int family = 0; family * SERIES_PER_FAMILY < series; family++) {
      String name = "app_family_" + family;
      if (family % 2 == 0) {
        Counter counter =
            Counter.builder()
                .name(name + "_requests")
                .help("Requests of family " + family)
                .labelNames("method", "path")
                .register(registry);
        for (int i = 0; i < SERIES_PER_FAMILY; i++) {
          counter
              .labelValues(i % 2 == 0 ? "GET" : "POST", "/path/" + i)
              .inc(random.nextInt(100_000));
        }
      } else {
        Gauge gauge =
            Gauge.builder()
                .name(name + "_size")
                .help("Size of family " + family)
                .labelNames("method", "path")
                .register(registry);
        for (int i = 0; i < SERIES_PER_FAMILY; i++) {
          gauge
              .labelValues(i % 2 == 0 ? "GET" : "POST", "/path/" + i)
              .set(random.nextDouble() * 1e6);
        }
      }
    }
    return new ScrapeFixture(registry, format);
  }

  /**
   * counters-app's registry after some visits, with or without the JVM and process metrics that
   * {@code --jvm-metrics} adds: the scrape a Prometheus server makes of the chapter's service.
   */
  public static ScrapeFixture countersApp(boolean jvmMetrics, Format format) {
    // the registry exactly as a service builds it from its settings
    PrometheusRegistry registry = Service.registry(jvmMetrics);
    AppMetrics.homePageVisits(registry).inc(1234);
    Counter.builder()
        .name("about_page_visits")
        .help("Number of visits to the about page")
        .register(registry)
        .inc(56);
    return new ScrapeFixture(registry, format);
  }

  /** One scrape; returns its size in bytes. */
  public int scrape() {
    buffer.reset();
    try {
      writer.write(buffer, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.size();
  }

  /** The three formats a Prometheus server can ask for. */
  public enum Format {
    text,
    openmetrics,
    protobuf;

    ExpositionFormatWriter writer() {
      ExpositionFormats formats = ExpositionFormats.init();
      return switch (this) {
        case text -> formats.getPrometheusTextFormatWriter();
        case openmetrics -> formats.getOpenMetricsTextFormatWriter();
        case protobuf -> formats.getPrometheusProtobufWriter();
      };
    }
  }
}
