package tutorial.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scrapes as real exporters write them, read whole: every service's in every format, the tutorial's
 * own Python apps', and a third party's with what the services never write (a gaugehistogram,
 * units, an unknown and an untyped family, entity labels on an info and a stateset, NaN,
 * infinities, timestamps, exemplars with and without labels, escapes, UTF-8 in help texts, empty
 * label sets, a family without samples).
 */
class SavedScrapesTest {

  static final Path FOLDER = Path.of("src/test/resources/scrapes");

  static Stream<Path> scrapes() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scrapes")
  void readsValid(Path file) throws Exception {
    Scrape scrape;
    try (ScrapeReader reader = new ScrapeReader(null)) {
      scrape = reader.read(file.toString(), Format.text);
    }

    Format written =
        file.toString().endsWith(".bin")
            ? Format.protobuf
            : file.toString().contains(".openmetrics") ? Format.openmetrics : Format.text;
    assertThat(scrape.format()).isEqualTo(written);
    assertThat(scrape.families()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void aServiceSaysTheSameInEveryFormat(String service) throws Exception {
    Map<Format, Integer> samples;
    try (ScrapeReader reader = new ScrapeReader(null)) {
      samples =
          Stream.of(".txt", ".openmetrics.txt", ".protobuf.bin")
              .collect(
                  Collectors.toMap(
                      suffix ->
                          Format.valueOf(
                              suffix.equals(".txt")
                                  ? "text"
                                  : suffix.contains("open") ? "openmetrics" : "protobuf"),
                      suffix -> count(reader, FOLDER.resolve(service + suffix))));
    }

    assertThat(samples.values()).as("samples per format").containsOnly(samples.get(Format.text));
  }

  static List<String> services() {
    return List.of(
        "counters-app", "gauges-app", "histograms-app", "summaries-app", "custom-metrics-app");
  }

  private static int count(ScrapeReader reader, Path file) {
    try {
      return reader.read(file.toString(), Format.text).families().stream()
          .filter(f -> !f.name().startsWith("[native]"))
          .mapToInt(f -> f.samples().size())
          .sum();
    } catch (TargetException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @org.junit.jupiter.api.Test
  void thirdPartyExpositionsShowWhatTheServicesNeverWrite() throws Exception {
    Scrape scrape;
    try (ScrapeReader reader = new ScrapeReader(null)) {
      scrape = reader.read(FOLDER.resolve("third-party.openmetrics.txt").toString(), Format.text);
    }

    assertThat(scrape.families())
        .extracting(Family::type)
        .contains(
            "gaugehistogram",
            "histogram",
            "info",
            "stateset",
            "gauge",
            "counter",
            "unknown",
            "summary");
    Family wait = scrape.families().get(0);
    assertThat(wait.unit()).isEqualTo("seconds");
    assertThat(scrape.families().get(1).help())
        .isEqualTo(
            "Latency through the router, in seconds: «schnell» \"quoted\" \\ and a\nnew line.");
    assertThat(scrape.families().get(1).samples().get(3).exemplar().labels())
        .containsEntry("trace_id", "oHg5SJYRHA0");
  }
}
