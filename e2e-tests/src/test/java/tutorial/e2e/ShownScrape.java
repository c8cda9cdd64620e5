package tutorial.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tutorial.steps.TutorialSteps;
import tutorial.testkit.Golden;

/**
 * A scrape output shown in a doc: the lines of a fenced text block that look like the text
 * exposition format. It is true when it is a tutorial step's expected scrape, whole or in part,
 * where a step's {@code <NUMBER>} may be any number; and the numbers it then shows for a histogram
 * or a summary must be ones a real scrape can hold.
 */
record ShownScrape(List<String> lines) {

  private static final Pattern COMMENT =
      Pattern.compile("# (HELP|TYPE|UNIT) [a-zA-Z_:][\\w:]* .*|# EOF");
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][\\w:]*)(\\{[^}]*\\})? (\\S+)(?: \\S+)?");

  /** A match: the step, and where in it the shown lines start. */
  record StepMatch(String step, int offset, boolean withPlaceholders) {}

  /** The scrape shown in {@code block}, if the block shows one. */
  static Optional<ShownScrape> in(Markdown.Block block) {
    if (!block.language().isEmpty() && !block.language().equals("text")) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>(block.lines());
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    boolean looksLikeOne =
        lines.stream()
            .anyMatch(
                l -> l.startsWith("# TYPE ") || l.startsWith("# HELP ") || isSampleWithLabels(l));
    return looksLikeOne ? Optional.of(new ShownScrape(lines)) : Optional.empty();
  }

  /** A sample with labels as a scrape writes it; PromQL's answers put a space after each comma. */
  private static boolean isSampleWithLabels(String line) {
    Matcher m = SAMPLE.matcher(line);
    return m.matches() && m.group(2) != null && !m.group(2).contains("\", ");
  }

  /** The lines that are not exposition format at all: text mixed into an output. */
  List<String> foreignLines() {
    return lines.stream()
        .filter(l -> !COMMENT.matcher(l).matches() && !SAMPLE.matcher(l).matches())
        .toList();
  }

  /** The families' sample names: {@code jvm_gc_collection_seconds_count}, ... */
  List<String> sampleNames() {
    return lines.stream()
        .map(SAMPLE::matcher)
        .filter(m -> m.matches() && !m.group(0).startsWith("#"))
        .map(m -> m.group(1))
        .toList();
  }

  /** The family names from the {@code # TYPE} lines. */
  List<String> families() {
    return lines.stream().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();
  }

  boolean isRuntimeOnly() {
    return !sampleNames().isEmpty()
        && sampleNames().stream().allMatch(n -> n.startsWith("jvm_") || n.startsWith("process_"));
  }

  /** The first tutorial step that holds these lines, in a row. */
  Optional<StepMatch> step() {
    for (String step : TutorialSteps.names()) {
      List<String> template = TutorialSteps.read(step).orElseThrow().lines().toList();
      for (int offset = 0; offset + lines.size() <= template.size(); offset++) {
        if (matchesAt(template, offset)) {
          boolean placeholders =
              template.subList(offset, offset + lines.size()).stream()
                  .anyMatch(l -> l.contains("<NUMBER>"));
          return Optional.of(new StepMatch(step, offset, placeholders));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code actual} (a live scrape) has the same lines as the step's, from the offset. */
  static boolean sameAsStep(StepMatch match, List<String> actual) {
    List<String> template = TutorialSteps.read(match.step()).orElseThrow().lines().toList();
    return new ShownScrape(actual).matchesAt(template, 0) && actual.size() == template.size();
  }

  private boolean matchesAt(List<String> template, int offset) {
    for (int i = 0; i < lines.size(); i++) {
      if (!Golden.lineMatches(template.get(offset + i), lines.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * What a real scrape could not show: buckets that shrink, a {@code +Inf} bucket other than the
   * count, a sum outside what the bucket counts allow, quantiles out of order, a negative count.
   */
  List<String> impossibilities() {
    List<String> problems = new ArrayList<>();
    Map<String, Map<Double, Double>> buckets = new LinkedHashMap<>();
    Map<String, Double> counts = new LinkedHashMap<>();
    Map<String, Double> sums = new LinkedHashMap<>();
    Map<String, List<double[]>> quantiles = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.matches()) {
        continue;
      }
      String name = m.group(1);
      String labels = m.group(2) == null ? "" : m.group(2);
      double value = Double.parseDouble(m.group(3));
      String le = label(labels, "le");
      String quantile = label(labels, "quantile");
      if (name.endsWith("_bucket") && le != null) {
        String series = base(name, "_bucket") + without(labels, "le");
        buckets.computeIfAbsent(series, k -> new LinkedHashMap<>()).put(bound(le), value);
      } else if (name.endsWith("_count")) {
        counts.put(base(name, "_count") + labels, value);
        if (value < 0 || value != Math.rint(value)) {
          problems.add(line + ": a count is a whole number, not negative");
        }
      } else if (name.endsWith("_sum")) {
        sums.put(base(name, "_sum") + labels, value);
      } else if (quantile != null) {
        quantiles
            .computeIfAbsent(name + without(labels, "quantile"), k -> new ArrayList<>())
            .add(new double[] {Double.parseDouble(quantile), value});
      }
    }
    buckets.forEach(
        (series, byBound) -> problems.addAll(checkHistogram(series, byBound, counts, sums)));
    quantiles.forEach(
        (series, points) -> {
          for (int i = 1; i < points.size(); i++) {
            if (points.get(i)[1] < points.get(i - 1)[1]) {
              problems.add(series + ": the quantiles must not fall as the quantile rises");
            }
          }
        });
    return problems;
  }

  private static List<String> checkHistogram(
      String series,
      Map<Double, Double> byBound,
      Map<String, Double> counts,
      Map<String, Double> sums) {
    List<String> problems = new ArrayList<>();
    double previousBound = 0;
    double previousCount = 0;
    double lowest = 0;
    double highest = 0;
    for (Map.Entry<Double, Double> bucket : byBound.entrySet()) {
      double inBucket = bucket.getValue() - previousCount;
      if (inBucket < 0) {
        problems.add(series + ": bucket le=" + bucket.getKey() + " holds fewer than the one below");
      }
      lowest += inBucket * previousBound;
      highest += inBucket * bucket.getKey();
      previousBound = bucket.getKey();
      previousCount = bucket.getValue();
    }
    Double count = counts.get(series);
    if (count != null
        && byBound.containsKey(Double.POSITIVE_INFINITY)
        && !count.equals(byBound.get(Double.POSITIVE_INFINITY))) {
      problems.add(
          series
              + ": _count "
              + count
              + " is not the +Inf bucket's "
              + byBound.get(Double.POSITIVE_INFINITY));
    }
    Double sum = sums.get(series);
    if (sum != null && (sum < lowest - 1e-9 || sum > highest + 1e-9)) {
      problems.add(
          series
              + ": _sum "
              + sum
              + " is outside what the buckets allow, "
              + lowest
              + " to "
              + highest);
    }
    return problems;
  }

  private static String base(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }

  private static double bound(String le) {
    return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }

  private static String label(String labels, String name) {
    Matcher m = Pattern.compile("[{,]" + name + "=\"([^\"]*)\"").matcher(labels);
    return m.find() ? m.group(1) : null;
  }

  private static String without(String labels, String name) {
    String rest = labels.replaceAll("(?<=[{,])" + name + "=\"[^\"]*\",?", "").replace(",}", "}");
    return rest.equals("{}") ? "" : rest;
  }
}
