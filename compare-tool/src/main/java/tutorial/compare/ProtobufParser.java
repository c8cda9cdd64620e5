package tutorial.compare;

import io.prometheus.metrics.expositionformats.generated.Metrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

  static final String MODEL = "protobuf MetricFamily";

  static List<Family> parse(byte[] body) throws IOException {
    List<Family> families = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    InputStream in = new ByteArrayInputStream(body);
    Metrics.MetricFamily family;
    while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
      if (!names.add(family.getName())) {
        problems.add(
            new Problem(0, MODEL, "family `" + family.getName() + "` twice: a name is unique"));
      }
      check(family, problems);
      families.add(convert(family));
    }
    if (!problems.isEmpty()) {
      throw new InvalidExposition(
          problems.subList(0, Math.min(problems.size(), InvalidExposition.MAX_PROBLEMS)));
    }
    return families;
  }

  /** The model's invariants: what a Prometheus server would otherwise store as nonsense. */
  private static void check(Metrics.MetricFamily family, List<Problem> problems) {
    Set<String> series = new HashSet<>();
    for (Metrics.Metric metric : family.getMetricList()) {
      Map<String, String> labels = new TreeMap<>();
      for (Metrics.LabelPair label : metric.getLabelList()) {
        labels.put(label.getName(), label.getValue());
      }
      String where = "family `" + family.getName() + "`, series " + labels;
      if (!series.add(labels.toString())) {
        problems.add(new Problem(0, MODEL, where + " twice: a series' labels are unique"));
      }
      if (metric.hasCounter()) {
        double value = metric.getCounter().getValue();
        if (Double.isNaN(value) || value < 0) {
          problems.add(
              new Problem(0, MODEL, where + ": a counter of " + value + ", never negative or NaN"));
        }
      }
      if (metric.hasSummary()) {
        for (Metrics.Quantile quantile : metric.getSummary().getQuantileList()) {
          if (!(quantile.getQuantile() >= 0 && quantile.getQuantile() <= 1)) {
            problems.add(
                new Problem(
                    0,
                    MODEL,
                    where + ": quantile " + quantile.getQuantile() + ", not between 0 and 1"));
          }
        }
      }
      if (metric.hasHistogram()) {
        checkBuckets(metric.getHistogram(), where, problems);
      }
    }
  }

  private static void checkBuckets(
      Metrics.Histogram histogram, String where, List<Problem> problems) {
    double bound = Double.NEGATIVE_INFINITY;
    double cumulative = 0;
    boolean first = true;
    for (Metrics.Bucket bucket : histogram.getBucketList()) {
      double count =
          bucket.hasCumulativeCountFloat()
              ? bucket.getCumulativeCountFloat()
              : bucket.getCumulativeCount();
      String shown = where + ": bucket " + bucket.getUpperBound();
      if (!first && bucket.getUpperBound() <= bound) {
        problems.add(
            new Problem(0, MODEL, shown + " after " + bound + ": buckets go up, each once"));
      } else if (count < cumulative) {
        problems.add(
            new Problem(
                0,
                MODEL,
                shown
                    + " holds "
                    + count
                    + ", fewer than the bucket below's "
                    + cumulative
                    + ": buckets are cumulative"));
      }
      bound = bucket.getUpperBound();
      cumulative = Math.max(cumulative, count);
      first = false;
    }
    double total =
        histogram.hasSampleCountFloat()
            ? histogram.getSampleCountFloat()
            : histogram.getSampleCount();
    if (!first && total < cumulative) {
      problems.add(
          new Problem(
              0,
              MODEL,
              where + ": a count of " + total + ", fewer than its buckets' " + cumulative));
    } else if (!first && bound == Double.POSITIVE_INFINITY && total != cumulative) {
      problems.add(
          new Problem(
              0,
              MODEL,
              where
                  + ": a count of "
                  + total
                  + ", the +Inf bucket "
                  + cumulative
                  + ": the count is the +Inf bucket"));
    }
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
