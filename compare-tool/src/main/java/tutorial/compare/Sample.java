package tutorial.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a scrape, {@code name{labels} value}, without its timestamp. Labels are kept sorted
 * by name with {@code le} and {@code quantile} last, the order client_java writes, so that the same
 * series reads the same whatever order a client wrote its labels in.
 *
 * @param exemplar the OpenMetrics exemplar after the value, or null; comparisons leave it out, as
 *     it differs in every scrape
 */
public record Sample(String name, Map<String, String> labels, Value value, Exemplar exemplar) {

  /** An exemplar: {@code # {trace_id="..."} 0.25} after a bucket's or counter's value. */
  public record Exemplar(Map<String, String> labels, Value value) {
    public Exemplar {
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
  }

  public Sample {
    labels = canonical(labels);
  }

  Sample(String name, Map<String, String> labels, Value value) {
    this(name, labels, value, null);
  }

  /** {@code name{a="x",b="y"}}: what identifies the series across scrapes. */
  public String series() {
    return name + labelText(Set.of());
  }

  /** The labels in braces, leaving out {@code hidden}; empty when nothing is left. */
  public String labelText(Set<String> hidden) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!hidden.contains(label.getKey())) {
        parts.add(label.getKey() + "=\"" + escape(label.getValue()) + "\"");
      }
    }
    return parts.isEmpty() ? "" : "{" + String.join(",", parts) + "}";
  }

  private static Map<String, String> canonical(Map<String, String> labels) {
    Map<String, String> sorted = new LinkedHashMap<>();
    labels.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, String> e) -> isBound(e.getKey()))
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> sorted.put(e.getKey(), bound(e.getKey(), e.getValue())));
    return Collections.unmodifiableMap(sorted);
  }

  static boolean isBound(String label) {
    return label.equals("le") || label.equals("quantile");
  }

  /**
   * A bucket bound or quantile in one spelling: {@code 1}, {@code 1.0} and protobuf's {@code 1.0}
   * are one bucket, as they are to Prometheus.
   */
  private static String bound(String label, String value) {
    if (!isBound(label)) {
      return value;
    }
    Value number = Value.parse(value);
    return number == null || number.any() ? value : Value.format(number.number());
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
