package tutorial.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.prometheus.metrics.expositionformats.generated.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The protobuf {@code MetricFamily} model's invariants, which its decoder does not check: what
 * Prometheus would otherwise store as nonsense is refused, naming the family and the series.
 */
class ProtobufModelTest {

  private static byte[] delimited(Metrics.MetricFamily... families) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Metrics.MetricFamily family : families) {
      family.writeDelimitedTo(out);
    }
    return out.toByteArray();
  }

  private static Metrics.MetricFamily counter(String name, double value) {
    return Metrics.MetricFamily.newBuilder()
        .setName(name)
        .setType(Metrics.MetricType.COUNTER)
        .addMetric(
            Metrics.Metric.newBuilder()
                .addLabel(Metrics.LabelPair.newBuilder().setName("a").setValue("b"))
                .setCounter(Metrics.Counter.newBuilder().setValue(value)))
        .build();
  }

  private static Metrics.MetricFamily histogram(long count, double[] bounds, long... cumulative) {
    Metrics.Histogram.Builder histogram =
        Metrics.Histogram.newBuilder().setSampleCount(count).setSampleSum(1.5);
    for (int i = 0; i < bounds.length; i++) {
      histogram.addBucket(
          Metrics.Bucket.newBuilder().setUpperBound(bounds[i]).setCumulativeCount(cumulative[i]));
    }
    return Metrics.MetricFamily.newBuilder()
        .setName("h")
        .setType(Metrics.MetricType.HISTOGRAM)
        .addMetric(Metrics.Metric.newBuilder().setHistogram(histogram))
        .build();
  }

  private static String refusal(byte[] content) {
    return catchThrowableOfType(InvalidExposition.class, () -> ProtobufParser.parse(content))
        .problems()
        .get(0)
        .render();
  }

  @Test
  void readsACounterAndACumulativeHistogram() throws IOException {
    byte[] content =
        delimited(
            counter("c", 3),
            histogram(4, new double[] {0.1, 1, Double.POSITIVE_INFINITY}, 1, 3, 4));

    assertThat(ProtobufParser.parse(content)).extracting(Family::name).containsExactly("c", "h");
  }

  @Test
  void refusesANegativeCounter() throws IOException {
    assertThat(refusal(delimited(counter("c", -1))))
        .isEqualTo("family `c`, series {a=b}: a counter of -1.0, never negative or NaN");
  }

  @Test
  void refusesBucketsThatAreNotCumulative() throws IOException {
    assertThat(refusal(delimited(histogram(4, new double[] {0.1, 1}, 3, 2))))
        .isEqualTo(
            "family `h`, series {}: bucket 1.0 holds 2.0, fewer than the bucket below's 3.0:"
                + " buckets are cumulative");
  }

  @Test
  void refusesBucketsOutOfOrder() throws IOException {
    assertThat(refusal(delimited(histogram(4, new double[] {1, 0.1}, 1, 2))))
        .startsWith("family `h`, series {}: bucket 0.1 after 1.0: buckets go up");
  }

  @Test
  void refusesACountBelowItsBuckets() throws IOException {
    assertThat(refusal(delimited(histogram(2, new double[] {0.1, 1}, 1, 3))))
        .isEqualTo("family `h`, series {}: a count of 2.0, fewer than its buckets' 3.0");
  }

  @Test
  void refusesACountThatIsNotTheInfBucket() throws IOException {
    assertThat(refusal(delimited(histogram(5, new double[] {1, Double.POSITIVE_INFINITY}, 1, 4))))
        .endsWith("a count of 5.0, the +Inf bucket 4.0: the count is the +Inf bucket");
  }

  @Test
  void refusesAFamilyTwice() throws IOException {
    assertThat(refusal(delimited(counter("c", 1), counter("c", 2))))
        .isEqualTo("family `c` twice: a name is unique");
  }

  @Test
  void refusesASeriesTwice() throws IOException {
    Metrics.MetricFamily twice =
        counter("c", 1).toBuilder().addMetric(counter("c", 2).getMetric(0)).build();

    assertThat(refusal(delimited(twice)))
        .isEqualTo("family `c`, series {a=b} twice: a series' labels are unique");
  }
}
