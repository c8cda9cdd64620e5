package tutorial.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One sample of a PromQL answer, as the HTTP API sends it (one per series of an instant vector, or
 * a scalar's one): a series' labels and its value at the query's time. A native histogram has no
 * single value; the API sends it under {@code "histogram"} instead, kept here as it came.
 *
 * @param rawValue the value as Prometheus wrote it, e.g. {@code "0.625"} or {@code "NaN"}
 * @param timestamp seconds since the epoch, as Prometheus wrote it (millisecond precision)
 */
record PromqlSample(
    Map<String, String> labels, String rawValue, String timestamp, JsonNode histogram) {

  PromqlSample {
    labels = new TreeMap<>(labels);
  }

  double value() {
    if (rawValue == null) {
      throw new AssertionError("a native histogram has no single value: " + this);
    }
    return Double.parseDouble(rawValue);
  }

  String label(String name) {
    return labels.get(name);
  }

  boolean isHistogram() {
    return histogram != null;
  }

  /** As the Prometheus UI shows it: {@code {endpoint="/repos", job="histograms"} 0.625}. */
  @Override
  public String toString() {
    String name = labels.getOrDefault("__name__", "");
    String rest =
        labels.entrySet().stream()
            .filter(label -> !label.getKey().equals("__name__"))
            .map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
            .collect(Collectors.joining(", ", "{", "}"));
    return name + rest + " " + (isHistogram() ? "histogram " + histogram : rawValue);
  }
}
