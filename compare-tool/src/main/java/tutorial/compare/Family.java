package tutorial.compare;

import java.util.List;

/**
 * One metric family of a scrape: its name and metadata as the format wrote them, and its samples.
 *
 * <p>{@code key} lines the same family up across formats. It is the name the text format gives the
 * family: OpenMetrics names a counter {@code x} where the text format says {@code x_total}, and an
 * info {@code x} where the text format says {@code x_info}; the samples are the same.
 */
public record Family(
    String key, String name, String type, String help, String unit, List<Sample> samples) {

  static String keyOf(String name, String type, Format format) {
    if (format == Format.openmetrics) {
      if (type.equals("counter") && !name.endsWith("_total")) {
        return name + "_total";
      }
      if (type.equals("info") && !name.endsWith("_info")) {
        return name + "_info";
      }
    }
    return name;
  }

  /**
   * The name the samples of a counter, histogram or summary start with, to which the clients add
   * {@code _created} (the family's creation time, which differs in every run).
   */
  public String stem() {
    return type.equals("counter") && key.endsWith("_total")
        ? key.substring(0, key.length() - "_total".length())
        : key;
  }

  boolean hasCreatedTimestamps() {
    return switch (type) {
      case "counter", "histogram", "gaugehistogram", "summary" -> true;
      default -> false;
    };
  }

  Family withSamples(List<Sample> kept) {
    return new Family(key, name, type, help, unit, List.copyOf(kept));
  }
}
