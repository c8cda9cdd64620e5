package tutorial.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One scrape, read from a service or a file, with the noise that differs in every scrape taken out:
 * {@code _created} series and families (a creation time), sample timestamps and exemplars (the
 * parsers drop those).
 *
 * @param source where it came from, as the user wrote it or as it was resolved
 * @param format the format it is in
 * @param note what the reader wants the user to know, e.g. that the service answered another format
 *     than the one asked for; empty if nothing
 */
public record Scrape(String source, Format format, String note, List<Family> families) {

  static Scrape of(String source, Format format, String note, List<Family> parsed) {
    return new Scrape(source, format, note, withoutCreated(parsed));
  }

  /**
   * Python's text format writes {@code x_created} as a gauge family of its own, client_java's text
   * format (when asked to) as families at the end, and OpenMetrics as samples inside the family:
   * all of it goes.
   */
  private static List<Family> withoutCreated(List<Family> families) {
    Set<String> created =
        families.stream()
            .filter(Family::hasCreatedTimestamps)
            .map(f -> f.stem() + "_created")
            .collect(Collectors.toSet());
    List<Family> kept = new ArrayList<>();
    for (Family family : families) {
      if (created.contains(family.key()) && !family.hasCreatedTimestamps()) {
        continue;
      }
      kept.add(
          family.withSamples(
              family.samples().stream().filter(s -> !created.contains(s.name())).toList()));
    }
    return kept;
  }
}
