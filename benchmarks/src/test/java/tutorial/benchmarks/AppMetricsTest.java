package tutorial.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tutorial.benchmarks.jmh.AppMetrics;
import tutorial.common.upstream.GitHubClient;
import tutorial.counters.CountersApp;
import tutorial.gauges.GaugesApp;
import tutorial.histograms.Buckets;
import tutorial.histograms.HistogramsApp;
import tutorial.summaries.Quantiles;
import tutorial.summaries.SummariesApp;
import tutorial.testkit.TestSettings;

/**
 * The benchmarks time the apps' own metric updates only if they build the same metrics: given an
 * app and the benchmarks' copy of its metric, both with the same data point looked up, the scrape
 * of that family (name, help, labels, buckets, quantiles) must be the same.
 */
class AppMetricsTest {

  private static final GitHubClient NO_UPSTREAM =
      new GitHubClient(
          "http://127.0.0.1:9", null, Duration.ofSeconds(1), Duration.ofSeconds(1), 64, List.of());

  @Test
  void counterIsCountersAppsHomePageCounter() throws IOException {
    PrometheusRegistry app = new PrometheusRegistry();
    new CountersApp(app);
    PrometheusRegistry copy = new PrometheusRegistry();
    AppMetrics.homePageVisits(copy);

    assertThat(family(copy, "home_page_visits")).isEqualTo(family(app, "home_page_visits"));
  }

  @Test
  void gaugeIsGaugesAppsListSize() throws IOException {
    PrometheusRegistry app = new PrometheusRegistry();
    new GaugesApp(app);
    PrometheusRegistry copy = new PrometheusRegistry();
    AppMetrics.listSize(copy).labelValues("my_list");

    assertThat(family(copy, "list_size")).isEqualTo(family(app, "list_size"));
  }

  @Test
  void histogramIsHistogramsAppsDefault() throws IOException {
    PrometheusRegistry app = new PrometheusRegistry();
    new HistogramsApp(app, NO_UPSTREAM, TestSettings.parse(new Buckets(), "--buckets=python"));
    PrometheusRegistry copy = new PrometheusRegistry();
    AppMetrics.requestDuration(copy).labelValues("GET", "/repos");

    assertThat(family(copy, "request_duration_seconds"))
        .isEqualTo(family(app, "request_duration_seconds"))
        .contains("le=\"0.075\"");
  }

  @Test
  void summaryIsSummariesAppsWithAndWithoutQuantiles() throws IOException {
    for (boolean quantiles : new boolean[] {false, true}) {
      PrometheusRegistry app = new PrometheusRegistry();
      new SummariesApp(
          app, NO_UPSTREAM, TestSettings.parse(new Quantiles(), "--quantiles=" + quantiles));
      PrometheusRegistry copy = new PrometheusRegistry();
      AppMetrics.requestProcessing(copy, quantiles).labelValues("get", "/repos");

      assertThat(family(copy, "request_processing_seconds"))
          .isEqualTo(family(app, "request_processing_seconds"));
    }
  }

  /** The family in the text format; the benchmarks observe nothing here, so values are all 0. */
  private static String family(PrometheusRegistry registry, String name) throws IOException {
    MetricSnapshots snapshots =
        MetricSnapshots.of(
            registry.scrape().stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .toArray(io.prometheus.metrics.model.snapshots.MetricSnapshot[]::new));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExpositionFormats.init().getPrometheusTextFormatWriter().write(out, snapshots);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("# TYPE " + name);
    return text;
  }
}
