package tutorial.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Lines scrapes up family by family and series by series, and says where they differ. */
final class Comparison {

  /** The families every client adds for its runtime; left out unless asked for. */
  static final List<String> RUNTIME_PREFIXES = List.of("process_", "jvm_", "python_");

  enum Mark {
    SAME,
    /** differs, but in a value that differs from run to run; not counted */
    VARIES,
    DIFFERS
  }

  /**
   * @param names only the families matching one of these ({@code *} matches anything); empty for
   *     all but the runtime families
   * @param all also the runtime families
   * @param exact also compare the values that vary from run to run
   * @param tolerance values within this fraction of each other count as the same
   * @param varies families whose values all vary from run to run
   * @param referenceOnly only the families of the first scrape (the expected one)
   */
  record Options(
      List<String> names,
      boolean all,
      boolean exact,
      double tolerance,
      List<String> varies,
      boolean referenceOnly) {}

  /** One series: its sample in each scrape (null where absent) and how they compare. */
  record Row(String series, List<Sample> samples, Mark mark) {}

  /**
   * One family across the scrapes: the family in each (null where absent), how each part of its
   * metadata compares, its series, and the labels every series carries alike.
   */
  record FamilyResult(
      String key,
      List<Family> families,
      Mark name,
      Mark type,
      Mark help,
      Mark unit,
      Map<String, String> commonLabels,
      List<Row> rows) {

    List<Integer> missingIn() {
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < families.size(); i++) {
        if (families.get(i) == null) {
          missing.add(i);
        }
      }
      return missing;
    }

    boolean same() {
      return missingIn().isEmpty()
          && name != Mark.DIFFERS
          && type != Mark.DIFFERS
          && help != Mark.DIFFERS
          && unit != Mark.DIFFERS
          && rows.stream().noneMatch(r -> r.mark() == Mark.DIFFERS);
    }

    boolean varies() {
      return rows.stream().anyMatch(r -> r.mark() == Mark.VARIES);
    }
  }

  record Result(List<FamilyResult> families, int runtimeLeftOut) {
    boolean same() {
      return families.stream().allMatch(FamilyResult::same);
    }
  }

  private final Options options;
  private final List<Pattern> names;
  private final List<Pattern> varies;

  private Comparison(Options options) {
    this.options = options;
    this.names = options.names().stream().map(Comparison::glob).toList();
    this.varies = options.varies().stream().map(Comparison::glob).toList();
  }

  static Result compare(List<Scrape> scrapes, Options options) {
    return new Comparison(options).run(scrapes);
  }

  private Result run(List<Scrape> scrapes) {
    Set<String> keys = new TreeSet<>();
    for (Scrape scrape : options.referenceOnly() ? scrapes.subList(0, 1) : scrapes) {
      scrape.families().forEach(f -> keys.add(f.key()));
    }
    List<Map<String, Family>> byKey = new ArrayList<>();
    for (Scrape scrape : scrapes) {
      byKey.add(
          scrape.families().stream()
              .collect(Collectors.toMap(Family::key, Function.identity(), (a, b) -> a)));
    }
    List<FamilyResult> results = new ArrayList<>();
    int runtimeLeftOut = 0;
    for (String key : keys) {
      List<Family> families = new ArrayList<>();
      byKey.forEach(m -> families.add(m.get(key)));
      if (names.isEmpty() && isRuntime(key) && !options.all()) {
        runtimeLeftOut++;
      } else if (names.isEmpty() || names.stream().anyMatch(p -> matches(p, key, families))) {
        results.add(compare(key, families));
      }
    }
    return new Result(results, runtimeLeftOut);
  }

  private FamilyResult compare(String key, List<Family> families) {
    List<Family> present = families.stream().filter(Objects::nonNull).toList();
    Family first = present.get(0);
    List<String> seriesKeys = new ArrayList<>();
    List<Map<String, Sample>> seriesOf = new ArrayList<>();
    Map<String, Sample> anySample = new LinkedHashMap<>();
    for (Family family : families) {
      Map<String, Sample> series = new LinkedHashMap<>();
      if (family != null) {
        family.samples().forEach(s -> series.putIfAbsent(s.series(), s));
        series.forEach(anySample::putIfAbsent);
      }
      seriesOf.add(series);
    }
    seriesKeys.addAll(anySample.keySet());
    seriesKeys.sort(Comparator.comparing(s -> anySample.get(s), rowOrder(first)));

    boolean allVary = varies.stream().anyMatch(p -> matches(p, key, families));
    List<Row> rows = new ArrayList<>();
    for (String series : seriesKeys) {
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < families.size(); i++) {
        samples.add(seriesOf.get(i).get(series));
      }
      Sample sample = anySample.get(series);
      rows.add(
          new Row(
              series, samples, mark(families, samples, allVary || variesByType(first, sample))));
    }
    return new FamilyResult(
        key,
        families,
        same(present, Family::name),
        same(present, Family::type),
        same(present, Family::help),
        same(present, Family::unit),
        commonLabels(present, seriesKeys.size()),
        rows);
  }

  private Mark mark(List<Family> families, List<Sample> samples, boolean varying) {
    Sample reference = null;
    boolean differs = false;
    for (int i = 0; i < samples.size(); i++) {
      if (families.get(i) == null) {
        continue; // the family's own absence is reported once, for the family
      }
      Sample sample = samples.get(i);
      if (sample == null) {
        return Mark.DIFFERS;
      }
      if (reference == null) {
        reference = sample;
      } else if (!reference.value().sameAs(sample.value(), options.tolerance())) {
        differs = true;
      }
    }
    if (!differs) {
      return Mark.SAME;
    }
    return varying ? Mark.VARIES : Mark.DIFFERS;
  }

  /**
   * Durations differ in every run: a histogram's or summary's {@code _sum}, a summary's quantiles.
   * Their presence is compared, their values only with {@code --exact}.
   */
  private boolean variesByType(Family family, Sample sample) {
    if (options.exact()) {
      return false;
    }
    String name = sample.name();
    return switch (family.type()) {
      case "histogram", "gaugehistogram" -> name.endsWith("_sum") || name.endsWith("_gsum");
      case "summary" -> name.endsWith("_sum") || sample.labels().containsKey("quantile");
      default -> false;
    };
  }

  private static Mark same(List<Family> present, Function<Family, String> part) {
    return present.stream().map(part).distinct().count() == 1 ? Mark.SAME : Mark.DIFFERS;
  }

  /** Labels with one value on every series, shown once for the family instead of on each row. */
  private static Map<String, String> commonLabels(List<Family> present, int seriesCount) {
    List<Sample> samples = present.stream().flatMap(f -> f.samples().stream()).toList();
    if (seriesCount < 2) {
      return Map.of();
    }
    Map<String, String> common = new LinkedHashMap<>(samples.get(0).labels());
    common.keySet().removeIf(Sample::isBound);
    for (Sample sample : samples) {
      common.entrySet().removeIf(e -> !e.getValue().equals(sample.labels().get(e.getKey())));
    }
    return common;
  }

  /**
   * client_java's order: series by their labels, and within one label set the buckets (or
   * quantiles) by bound, then {@code _count} and {@code _sum}.
   */
  private static Comparator<Sample> rowOrder(Family family) {
    return Comparator.comparing((Sample s) -> s.labelText(Set.of("le", "quantile")))
        .thenComparingInt(s -> rank(s.name(), family))
        .thenComparingDouble(Comparison::bound)
        .thenComparing(Sample::name);
  }

  private static int rank(String name, Family family) {
    if (name.startsWith("[native]")) {
      return 4;
    }
    if (name.endsWith("_count") || name.endsWith("_gcount")) {
      return 2;
    }
    if (name.endsWith("_sum") || name.endsWith("_gsum")) {
      return 3;
    }
    return name.equals(family.name()) || name.equals(family.key()) || name.endsWith("_bucket")
        ? 0
        : 1;
  }

  private static double bound(Sample sample) {
    for (String label : List.of("le", "quantile")) {
      String text = sample.labels().get(label);
      Value value = text == null ? null : Value.parse(text);
      if (value != null && !value.any()) {
        return value.number();
      }
    }
    return 0;
  }

  private static boolean isRuntime(String key) {
    return RUNTIME_PREFIXES.stream().anyMatch(key::startsWith);
  }

  /**
   * A name matches a family by its key, its name in any scrape, the name it was declared with
   * ({@code home_page_visits} for {@code home_page_visits_total}), or the name of a sample.
   */
  private static boolean matches(Pattern pattern, String key, List<Family> families) {
    if (pattern.matcher(key).matches()) {
      return true;
    }
    Set<String> names = new HashSet<>();
    for (Family family : families) {
      if (family != null) {
        names.add(family.name());
        names.add(family.stem());
        family.samples().forEach(s -> names.add(s.name()));
      }
    }
    return names.stream().anyMatch(n -> pattern.matcher(n).matches());
  }

  private static Pattern glob(String name) {
    return Pattern.compile(
        Arrays.stream(name.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
