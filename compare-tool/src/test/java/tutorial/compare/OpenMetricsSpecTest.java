package tutorial.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader against the formats' rules, section by section of their specifications: every valid
 * case read, every invalid one refused at its line, for its rule, in its section.
 */
class OpenMetricsSpecTest {

  static Stream<ExpositionCases> cases() {
    return ExpositionCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsWhatTheFormatAllowsAndRefusesWhatItForbids(ExpositionCases example) {
    if (example.valid()) {
      assertThat(TextFormatParser.parse(example.content(), example.format())).isNotNull();
      return;
    }
    InvalidExposition refused =
        catchThrowableOfType(
            InvalidExposition.class,
            () -> TextFormatParser.parse(example.content(), example.format()));

    assertThat(refused).as("refused: %s", example).isNotNull();
    Problem first = refused.problems().get(0);
    assertThat(first.line()).as(first.render()).isEqualTo(example.line());
    assertThat(first.section()).as(first.render()).isEqualTo(example.section());
    assertThat(first.message()).contains(example.rule());
  }

  @Test
  void everySectionHasAValidCaseAndAnInvalidOne() {
    Map<String, Set<Boolean>> kinds = new TreeMap<>();
    for (ExpositionCases example : ExpositionCases.all()) {
      kinds
          .computeIfAbsent(
              example.format() + " " + example.section(), k -> new java.util.HashSet<>())
          .add(example.valid());
    }

    assertThat(kinds)
        .allSatisfy(
            (section, valid) ->
                assertThat(valid).as(section).containsExactlyInAnyOrder(true, false));
    assertThat(kinds.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(
                    "openmetrics Overall Structure",
                    "openmetrics ABNF",
                    "openmetrics Label",
                    "openmetrics MetricFamily",
                    "openmetrics MetricFamily metadata",
                    "openmetrics Metric",
                    "openmetrics Counter",
                    "openmetrics Histogram",
                    "openmetrics GaugeHistogram",
                    "openmetrics Summary",
                    "openmetrics StateSet",
                    "openmetrics Info",
                    "openmetrics Exemplars",
                    "openmetrics Timestamps",
                    "text Text format details",
                    "text Comments, help text, and type information",
                    "text Histograms and summaries")
                .collect(Collectors.toList()));
  }

  @Test
  void everyProblemIsListedUpToABound() {
    StringBuilder text = new StringBuilder("# TYPE a counter\n");
    for (int i = 0; i < 50; i++) {
      text.append("a_total{n=\"").append(i).append("\"} -1\n");
    }
    text.append("# EOF\n");

    InvalidExposition refused =
        catchThrowableOfType(
            InvalidExposition.class,
            () -> TextFormatParser.parse(text.toString(), Format.openmetrics));

    assertThat(refused.problems()).hasSize(InvalidExposition.MAX_PROBLEMS);
    assertThat(refused.problems()).extracting(Problem::line).startsWith(2, 3, 4);
  }

  @Test
  void aLongLineIsShownShortened() {
    String line = "a{b=\"" + "x".repeat(10_000) + "} 1";

    assertThatThrownBy(() -> TextFormatParser.parse(line + "\n", Format.text))
        .hasMessage(
            "line 1: a label value is not closed: '" + line.substring(0, Problem.SHOWN) + "...'");
  }
}
