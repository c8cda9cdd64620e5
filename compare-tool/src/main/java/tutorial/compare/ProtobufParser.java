package tutorial.compare;

import io.prometheus.metrics.expositionformats.generated.Metrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a delimited protobuf scrape (what Prometheus asks for to get native histograms) with the
 * generated {@code MetricFamily} classes that client_java ships in
 * prometheus-metrics-exposition-formats, a dependency of common already: a real decoder, not a
 * reading of the {@code ?debug=prometheus-protobuf} text, and one that also reads a binary scrape
 * saved with curl. {@code generated.Metrics} is the version-free name client_java gives the
 * classes, whose package otherwise carries the shaded protobuf version.
 *
 * <p>Samples get the names the text format gives them ({@code _bucket}, {@code _count}, {@code
 * _sum}, a {@code quantile} label), so that the formats line up series by series. A native
 * histogram, which only protobuf carries, shows as {@code [native] ...} rows. Created timestamps,
 * sample timestamps and exemplars are dropped, as in the text formats.
 */
final class ProtobufParser {

  private ProtobufParser() {}

  static List<Family> parse(byte[] body) throws IOException {
    List<Family> families = new ArrayList<>();
    InputStream in = new ByteArrayInputStream(body);
    Metrics.MetricFamily family;
    while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
      families.add(convert(family));
    }
    return families;
  }

  private static Family convert(Metrics.MetricFamily family) {
    String name = family.getName();
    String type =
        family.getType() == Metrics.MetricType.GAUGE_HISTOGRAM
            ? "gaugehistogram"
            : family.getType().name().toLowerCase(Locale.ROOT);
    List<Sample> samples = new ArrayList<>();
    for (Metrics.Metric metric : family.getMetricList()) {
      Map<String, String> labels = new LinkedHashMap<>();
      for (Metrics.LabelPair label : metric.getLabelList()) {
        labels.put(label.getName(), label.getValue());
      }
      if (metric.hasCounter()) {
        samples.add(new Sample(name, labels, Value.of(metric.getCounter().getValue())));
      } else if (metric.hasGauge()) {
        samples.add(new Sample(name, labels, Value.of(metric.getGauge().getValue())));
      } else if (metric.hasUntyped()) {
        samples.add(new Sample(name, labels, Value.of(metric.getUntyped().getValue())));
      } else if (metric.hasSummary()) {
        summary(name, labels, metric.getSummary(), samples);
      } else if (metric.hasHistogram()) {
        boolean gauge = type.equals("gaugehistogram");
        histogram(name, labels, metric.getHistogram(), gauge, samples);
      }
    }
    String unit = family.hasUnit() ? family.getUnit() : "";
    return new Family(name, name, type, family.getHelp(), unit, List.copyOf(samples));
  }

  private static void summary(
      String name, Map<String, String> labels, Metrics.Summary summary, List<Sample> samples) {
    for (Metrics.Quantile quantile : summary.getQuantileList()) {
      Map<String, String> withQuantile = new LinkedHashMap<>(labels);
      withQuantile.put("quantile", Value.format(quantile.getQuantile()));
      samples.add(new Sample(name, withQuantile, Value.of(quantile.getValue())));
    }
    samples.add(new Sample(name + "_count", labels, Value.ofCount(summary.getSampleCount())));
    samples.add(new Sample(name + "_sum", labels, Value.of(summary.getSampleSum())));
  }

  private static void histogram(
      String name,
      Map<String, String> labels,
      Metrics.Histogram histogram,
      boolean gauge,
      List<Sample> samples) {
    for (Metrics.Bucket bucket : histogram.getBucketList()) {
      Map<String, String> withBound = new LinkedHashMap<>(labels);
      withBound.put("le", Value.format(bucket.getUpperBound()));
      Value count =
          bucket.hasCumulativeCountFloat()
              ? Value.of(bucket.getCumulativeCountFloat())
              : Value.ofCount(bucket.getCumulativeCount());
      samples.add(new Sample(name + "_bucket", withBound, count));
    }
    Value count =
        histogram.hasSampleCountFloat()
            ? Value.of(histogram.getSampleCountFloat())
            : Value.ofCount(histogram.getSampleCount());
    samples.add(new Sample(name + (gauge ? "_gcount" : "_count"), labels, count));
    samples.add(
        new Sample(name + (gauge ? "_gsum" : "_sum"), labels, Value.of(histogram.getSampleSum())));
    if (histogram.hasSchema()) {
      // a native histogram: its exponential buckets have no line in the text formats
      long buckets = 0;
      for (Metrics.BucketSpan span : histogram.getPositiveSpanList()) {
        buckets += span.getLength();
      }
      for (Metrics.BucketSpan span : histogram.getNegativeSpanList()) {
        buckets += span.getLength();
      }
      samples.add(new Sample("[native] schema", labels, Value.ofCount(histogram.getSchema())));
      samples.add(
          new Sample("[native] zero_count", labels, Value.ofCount(histogram.getZeroCount())));
      samples.add(new Sample("[native] buckets in use", labels, Value.ofCount(buckets)));
    }
  }
}
