package tutorial.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same cases through the Python client's parsers (Debian's python3-prometheus-client, which CI
 * installs): where the two disagree, the case is named here with the specification's word on it. A
 * disagreement not listed fails the test, and so does a listed one that is gone.
 */
class PythonReferenceTest {

  /** The cases the Python client reads otherwise, and why this reader is right. */
  static final Map<String, String> DISAGREEMENTS =
      Map.ofEntries(
          Map.entry(
              "Exemplars: an exemplar above its bucket (openmetrics, invalid)",
              "Histogram: \"Each bucket covers the values less and or equal to it, and the value of the exemplar MUST be within this range\"; Python does not look at an exemplar's value"),
          Map.entry(
              "Label: a reserved label name (openmetrics, invalid)",
              "Label: \"Label names beginning with underscores are RESERVED and MUST NOT be used unless specified by this standard\"; Python checks only the ABNF's characters"),
          Map.entry(
              "Metric: a series twice (openmetrics, invalid)",
              "MetricFamily: \"Every Metric within a MetricFamily MUST have a unique LabelSet\", and a second point of a Metric needs a later timestamp; Python drops the second line without a word"),
          Map.entry(
              "MetricFamily: a reserved family name (openmetrics, invalid)",
              "Name: \"MetricFamily names beginning with underscores are RESERVED and MUST NOT be used unless specified by this standard\""),
          Map.entry(
              "Summary: quantile on the count (openmetrics, invalid)",
              "Summary: \"A Quantile's Metric's LabelSet MUST NOT have \"quantile\" label name\": only the quantiles' samples carry it"),
          Map.entry(
              "Comments, help text, and type information: a TYPE line after the samples (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says \"The TYPE line for a metric name must appear before the first sample is reported for that metric name\""),
          Map.entry(
              "Comments, help text, and type information: a second HELP line (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says \"Only one HELP line may exist for any given metric name\""),
          Map.entry(
              "Comments, help text, and type information: a second TYPE line (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says \"Only one TYPE line may exist for a given metric name\""),
          Map.entry(
              "Comments, help text, and type information: a type the format has not (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says the type is \"either counter, gauge, histogram, summary, or untyped\""),
          Map.entry(
              "Comments, help text, and type information: an escape HELP has not (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says HELP escapes the backslash and the line feed, as \\\\ and \\n, and nothing else"),
          Map.entry(
              "Histograms and summaries: a bucket without le (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says each bucket is a sample \"with a label le\""),
          Map.entry(
              "Histograms and summaries: a quantile that is not a number (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says each quantile is a sample \"with a label quantile\", a number"),
          Map.entry(
              "Text format details: a label twice (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says a series is its labels, each name once (Prometheus refuses a repeated label name)"),
          Map.entry(
              "Text format details: a series twice (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says \"Each Metric within the same MetricFamily must have a unique set of LabelPair fields\""),
          Map.entry(
              "Text format details: a timestamp with a fraction (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says the timestamp is \"an int64 (milliseconds since epoch)\""),
          Map.entry(
              "Text format details: an escape the format has not (text, invalid)",
              "the Python client's text parser is, by its own docstring, \"a laxer parser than the main Go parser\"; exposition_formats.md says label values escape the backslash, the double quote and the line feed, and nothing else"));

  @TempDir Path folder;

  @Test
  void theCasesThroughThePythonClientsParsers() throws Exception {
    List<ExpositionCases> cases = ExpositionCases.all();
    for (int i = 0; i < cases.size(); i++) {
      ExpositionCases example = cases.get(i);
      Files.write(folder.resolve(String.format("%03d.%s", i, example.format())), example.content());
    }

    Map<String, String> disagreements = new TreeMap<>();
    for (String line : python(folder)) {
      String[] parts = line.split("\t", 3);
      ExpositionCases example = cases.get(Integer.parseInt(parts[0].substring(0, 3)));
      boolean pythonReads = parts[1].equals("valid");
      if (pythonReads != example.valid()) {
        disagreements.put(
            example.toString(), pythonReads ? "Python reads it" : "Python refuses it: " + parts[2]);
      }
    }

    assertThat(disagreements.keySet()).isEqualTo(DISAGREEMENTS.keySet());
  }

  private static List<String> python(Path folder) throws IOException, InterruptedException {
    Path script = folder.resolveSibling(folder.getFileName() + "-reference_parser.py");
    try (InputStream in =
        PythonReferenceTest.class.getResourceAsStream("/python/reference_parser.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process python =
        new ProcessBuilder("/usr/bin/python3", script.toString(), folder.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue())
        .as("the Python client's parsers (python3-prometheus-client): %s", output)
        .isZero();
    return output.lines().toList();
  }
}
