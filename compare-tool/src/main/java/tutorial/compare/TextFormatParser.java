package tutorial.compare;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the two line formats as they are defined: OpenMetrics 1.0 by every MUST of its
 * specification, and the text format 0.0.4 by what Prometheus's own parser takes, which is looser
 * (no {@code # EOF}, no {@code _total} required, untyped samples, any comment, negative counters).
 * No well-kept Java parser of either exists; this one collects every problem it finds, up to {@link
 * InvalidExposition#MAX_PROBLEMS}, each with its line, the rule and the offending text, and then
 * refuses the whole exposition, as the specification asks. Timestamps are checked and dropped; an
 * exemplar is kept with its sample.
 *
 * <p>Each rule's section is the specification's own heading, so that a refusal can be looked up:
 * for OpenMetrics "Overall Structure", "ABNF", "Label", "MetricFamily", "MetricFamily metadata",
 * "Metric", "Counter", "Histogram", "GaugeHistogram", "Summary", "StateSet", "Info", "Exemplars"
 * and "Timestamps"; for the text format those of its page, "Text format details", "Comments, help
 * text, and type information" and "Histograms and summaries".
 */
final class TextFormatParser {

  static final String STRUCTURE = "Overall Structure";
  static final String ABNF = "ABNF";
  static final String LABEL = "Label";
  static final String FAMILY = "MetricFamily";
  static final String METADATA = "MetricFamily metadata";
  static final String METRIC = "Metric";
  static final String COUNTER = "Counter";
  static final String HISTOGRAM = "Histogram";
  static final String GAUGE_HISTOGRAM = "GaugeHistogram";
  static final String SUMMARY = "Summary";
  static final String STATESET = "StateSet";
  static final String INFO = "Info";
  static final String EXEMPLARS = "Exemplars";
  static final String TIMESTAMPS = "Timestamps";
  static final String TEXT_LINES = "Text format details";
  static final String TEXT_METADATA = "Comments, help text, and type information";
  static final String TEXT_HISTOGRAMS = "Histograms and summaries";

  /** The combined length of an exemplar's label names and values, in code points. */
  static final int EXEMPLAR_LABELS_MAX = 128;

  private static final Map<String, List<String>> OM_SUFFIXES =
      Map.of(
          "counter", List.of("_total", "_created"),
          "gauge", List.of(""),
          "histogram", List.of("_bucket", "_count", "_sum", "_created"),
          "gaugehistogram", List.of("_bucket", "_gcount", "_gsum"),
          "stateset", List.of(""),
          "info", List.of("_info"),
          "summary", List.of("", "_count", "_sum", "_created"),
          "unknown", List.of(""));

  private static final Map<String, List<String>> TEXT_SUFFIXES =
      Map.of(
          "counter", List.of(""),
          "gauge", List.of(""),
          "histogram", List.of("_bucket", "_count", "_sum"),
          "summary", List.of("", "_count", "_sum"),
          "untyped", List.of(""));

  /** OpenMetrics' realnumber; infinities and NaN are read apart, case-insensitively. */
  private static final Pattern REAL =
      Pattern.compile(
          "[+-]?(?:[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|[0-9]*\\.[0-9]+(?:[eE][+-]?[0-9]+)?)");

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private final Format format;
  private final boolean openMetrics;
  private final boolean expected;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, FamilyState> families = new LinkedHashMap<>();
  private FamilyState current;
  private int lineNumber;

  private TextFormatParser(Format format, boolean expected) {
    this.format = format;
    this.openMetrics = format == Format.openmetrics;
    this.expected = expected;
  }

  /** The families of {@code text}; throws {@link InvalidExposition} with what is wrong. */
  static List<Family> parse(String text, Format format) {
    return new TextFormatParser(format, false).read(text);
  }

  /**
   * An expected scrape (a tutorial step's file), in which {@code <NUMBER>} stands for a value that
   * differs from run to run.
   */
  static List<Family> parseExpected(String text, Format format) {
    return new TextFormatParser(format, true).read(text);
  }

  /**
   * The families of {@code content}, which must be UTF-8 (and, for OpenMetrics, without a byte
   * order mark).
   */
  static List<Family> parse(byte[] content, Format format) {
    int bad = firstBadByte(content);
    if (bad >= 0) {
      throw new InvalidExposition(
          List.of(new Problem(lineAt(content, bad), STRUCTURE, "not UTF-8")));
    }
    return parse(new String(content, StandardCharsets.UTF_8), format);
  }

  /**
   * The offset of the first byte that is not UTF-8, or -1: checked through a small buffer, so that
   * a large scrape is not held twice more while it is checked.
   */
  private static int firstBadByte(byte[] content) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        return decoder.flush(out.clear()).isError() ? in.position() : -1;
      }
      out.clear();
    }
  }

  private static int lineAt(byte[] content, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      line += content[i] == '\n' ? 1 : 0;
    }
    return line;
  }

  private List<Family> read(String text) {
    boolean eof = false;
    int length = text.length();
    if (text.startsWith("\uFEFF")) {
      if (openMetrics) {
        problem(1, STRUCTURE, "a byte order mark: OpenMetrics is UTF-8 without one");
      }
      text = text.substring(1);
      length--;
    }
    int start = 0;
    while (start < length && problems.size() < InvalidExposition.MAX_PROBLEMS) {
      int end = text.indexOf('\n', start);
      boolean lastLine = end < 0;
      if (lastLine) {
        end = length;
      }
      lineNumber++;
      String line = text.substring(start, end);
      start = end + 1;
      if (eof) {
        problem(STRUCTURE, "text after # EOF: " + Problem.quote(line));
        break;
      }
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
        if (openMetrics) {
          problem(STRUCTURE, "a carriage return: OpenMetrics lines end with \\n alone");
        }
      }
      try {
        if (openMetrics) {
          if (line.isEmpty()) {
            if (!lastLine) {
              problem(STRUCTURE, "a blank line: OpenMetrics has none");
            }
            continue;
          }
          if (line.equals("# EOF")) {
            eof = true;
            continue;
          }
        } else {
          line = line.strip();
          if (line.isEmpty()) {
            continue;
          }
        }
        if (line.startsWith("#")) {
          metadata(line);
        } else {
          sample(line);
        }
      } catch (LineError e) {
        problem(e.section, e.getMessage());
      }
    }
    if (openMetrics && !eof && problems.size() < InvalidExposition.MAX_PROBLEMS) {
      problem(STRUCTURE, "no # EOF at the end: an OpenMetrics exposition ends with it");
    }
    Map<String, FamilyState> names = new HashMap<>();
    for (FamilyState family : families.values()) {
      family.finish(names);
    }
    if (!problems.isEmpty()) {
      throw new InvalidExposition(problems);
    }
    List<Family> result = new ArrayList<>();
    for (FamilyState family : families.values()) {
      result.add(family.build());
    }
    return result;
  }

  // ---- metadata ----

  private void metadata(String line) {
    if (!openMetrics) {
      textMetadata(line);
      return;
    }
    String[] parts = line.split(" ", 4);
    if (parts.length < 2
        || !parts[0].equals("#")
        || !Set.of("HELP", "TYPE", "UNIT").contains(parts[1])) {
      throw new LineError(
          STRUCTURE,
          "a comment, "
              + Problem.quote(line)
              + ": OpenMetrics has no # lines but HELP, TYPE, UNIT"
              + " and EOF");
    }
    if (parts.length < 4) {
      throw new LineError(
          ABNF,
          "# "
              + parts[1]
              + " needs a name and a value, separated by one space: "
              + Problem.quote(line));
    }
    String name = parts[2];
    checkMetricName(name, line);
    FamilyState family = familyForMetadata(name);
    String value = parts[3];
    switch (parts[1]) {
      case "TYPE" -> {
        if (family.type != null) {
          throw new LineError(METADATA, "a second TYPE for `" + name + "`");
        }
        if (!OM_SUFFIXES.containsKey(value)) {
          throw new LineError(
              METADATA,
              "TYPE "
                  + Problem.quote(value)
                  + " for `"
                  + name
                  + "` is none of OpenMetrics' types"
                  + (value.equals("untyped") ? " (untyped is the text format's unknown)" : ""));
        }
        family.type = value;
      }
      case "HELP" -> {
        if (family.help != null) {
          throw new LineError(METADATA, "a second HELP for `" + name + "`");
        }
        family.help = unescape(value);
      }
      default -> {
        if (family.unit != null) {
          throw new LineError(METADATA, "a second UNIT for `" + name + "`");
        }
        if (!value.chars().allMatch(c -> isNameChar((char) c, false))) {
          throw new LineError(
              ABNF, "UNIT " + Problem.quote(value) + " is not made of name characters");
        }
        family.unit = value;
        family.unitLine = lineNumber;
      }
    }
  }

  /** The family that metadata for {@code name} opens or continues: never one left behind. */
  private FamilyState familyForMetadata(String name) {
    FamilyState family = families.get(name);
    if (family == null) {
      family = new FamilyState(name, lineNumber);
      families.put(name, family);
    } else if (family != current) {
      throw new LineError(
          FAMILY,
          "metadata for `"
              + name
              + "` after other families' lines: a family's lines stay"
              + " together, and its name is unique");
    } else if (!family.samples.isEmpty()) {
      throw new LineError(METADATA, "metadata for `" + name + "` after its samples");
    }
    current = family;
    return family;
  }

  /** The text format's comments: HELP and TYPE lines mean something, others are comments. */
  private void textMetadata(String line) {
    String[] parts = line.substring(1).strip().split("[ \t]+", 3);
    if (parts.length < 2 || !(parts[0].equals("HELP") || parts[0].equals("TYPE"))) {
      return; // a comment
    }
    String name = parts[1];
    checkMetricName(name, line);
    String value = parts.length > 2 ? parts[2] : "";
    FamilyState family = families.computeIfAbsent(name, n -> new FamilyState(n, lineNumber));
    if (parts[0].equals("TYPE")) {
      if (family.type != null) {
        throw new LineError(TEXT_METADATA, "a second TYPE line for `" + name + "`");
      }
      if (!family.samples.isEmpty()) {
        throw new LineError(TEXT_METADATA, "the TYPE line for `" + name + "` after its samples");
      }
      if (!TEXT_SUFFIXES.containsKey(value.strip())) {
        throw new LineError(
            TEXT_METADATA,
            "TYPE "
                + Problem.quote(value)
                + " for `"
                + name
                + "` is none of counter, gauge,"
                + " histogram, summary, untyped");
      }
      family.type = value.strip();
    } else {
      if (family.help != null) {
        throw new LineError(TEXT_METADATA, "a second HELP line for `" + name + "`");
      }
      family.help = unescape(value);
    }
    current = family;
  }

  // ---- samples ----

  private void sample(String line) {
    Cursor cursor = new Cursor(line);
    String name = cursor.name();
    Map<String, String> labels = new LinkedHashMap<>();
    if (!openMetrics) {
      // the text format takes blanks between the name and its labels
      int afterName = cursor.at;
      cursor.blanks();
      if (cursor.peek() != '{') {
        cursor.at = afterName;
      }
    }
    if (cursor.peek() == '{') {
      cursor.labels(labels, openMetrics ? LABEL : TEXT_LINES);
    }
    cursor.separator();
    String valueText = cursor.token();
    Value value = number(valueText, "value");
    String timestamp = null;
    Sample.Exemplar exemplar = null;
    if (!cursor.atEnd()) {
      cursor.separator();
      if (cursor.peek() != '#') {
        timestamp = cursor.token();
        timestamp(timestamp);
        if (!cursor.atEnd()) {
          cursor.separator();
        }
      }
      if (!cursor.atEnd()) {
        if (!openMetrics) {
          throw new LineError(
              TEXT_LINES,
              "more after the timestamp: " + Problem.quote(line) + " (exemplars are OpenMetrics')");
        }
        exemplar = cursor.exemplar();
      }
    }
    FamilyState family = familyOf(name);
    family.add(new Sample(name, labels, value, exemplar), labels, valueText, timestamp);
  }

  /** The family a sample belongs to: the current one, a new one, never one left behind. */
  private FamilyState familyOf(String name) {
    if (current != null && current.owns(name)) {
      return current;
    }
    for (FamilyState family : families.values()) {
      if (family != current && family.owns(name)) {
        if (openMetrics) {
          throw new LineError(
              FAMILY,
              "`"
                  + name
                  + "` after other families' lines: the lines of `"
                  + family.name
                  + "` stay together");
        }
        current = family;
        return family;
      }
    }
    FamilyState named = families.get(name);
    if (named != null) {
      throw new LineError(
          openMetrics ? sectionOf(named.kind()) : TEXT_METADATA,
          "a sample named `"
              + name
              + "`, which is not one of the "
              + named.kind()
              + " `"
              + name
              + "`'s samples ("
              + String.join(", ", named.sampleNames())
              + ")");
    }
    FamilyState family = new FamilyState(name, lineNumber);
    families.put(name, family);
    current = family;
    return family;
  }

  /** The section of the rules on a type's sample names. */
  private static String sectionOf(String type) {
    return switch (type) {
      case "counter" -> COUNTER;
      case "histogram" -> HISTOGRAM;
      case "gaugehistogram" -> GAUGE_HISTOGRAM;
      case "summary" -> SUMMARY;
      case "info" -> INFO;
      default -> FAMILY;
    };
  }

  private Value number(String text, String what) {
    if (expected && text.equals(Value.ANY_NUMBER)) {
      return Value.parse(text);
    }
    Value value = numberOf(text);
    if (value == null) {
      throw new LineError(
          openMetrics ? ABNF : TEXT_LINES,
          "the " + what + " " + Problem.quote(text) + " is not a number");
    }
    return value;
  }

  /**
   * A realnumber, or an infinity or NaN in any case: OpenMetrics' numbers, and what Go's ParseFloat
   * reads in the text format, its hexadecimal floats aside.
   */
  private static Value numberOf(String text) {
    if (REAL.matcher(text).matches()) {
      return new Value(text, Double.parseDouble(text), false);
    }
    return special(text);
  }

  private static Value special(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return new Value(
          text, lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, false);
    }
    return lower.equals("nan") ? new Value(text, Double.NaN, false) : null;
  }

  private void timestamp(String text) {
    if (openMetrics) {
      if (!REAL.matcher(text).matches()) {
        throw new LineError(
            TIMESTAMPS, "the timestamp " + Problem.quote(text) + " is not a number of seconds");
      }
    } else if (!INTEGER.matcher(text).matches() || text.length() > 19) {
      throw new LineError(
          TEXT_LINES,
          "the timestamp " + Problem.quote(text) + " is not an integer of milliseconds");
    }
  }

  private void checkMetricName(String name, String line) {
    if (name.isEmpty()
        || !isNameChar(name.charAt(0), true)
        || !name.chars().allMatch(c -> isNameChar((char) c, false) || c == ':')) {
      throw new LineError(
          openMetrics ? ABNF : TEXT_METADATA,
          "`" + name + "` is not a metric name: " + Problem.quote(line));
    }
  }

  private static boolean isNameChar(char c, boolean first) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (first ? c == ':' : c >= '0' && c <= '9');
  }

  /** HELP text: OpenMetrics escapes \\, \n and \"; the text format \\ and \n. */
  private String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 == text.length()) {
        if (!openMetrics) {
          throw new LineError(TEXT_METADATA, "a HELP text that ends in a lone backslash");
        }
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case '\\' -> out.append('\\');
        default -> {
          if (next == '"' && openMetrics) {
            out.append('"');
            continue;
          }
          if (!openMetrics) {
            throw new LineError(
                TEXT_METADATA, "\\" + next + " in a HELP text: only \\\\ and \\n are escapes");
          }
          out.append('\\').append(next); // OpenMetrics reads BS normal-char as itself
        }
      }
    }
    return out.toString();
  }

  private void problem(String section, String message) {
    problem(lineNumber, section, message);
  }

  private void problem(int line, String section, String message) {
    if (problems.size() < InvalidExposition.MAX_PROBLEMS) {
      problems.add(new Problem(line, section, message));
    }
  }

  /** A line broken by a rule: said, and reading goes on at the next line. */
  private static final class LineError extends RuntimeException {
    final String section;

    LineError(String section, String message) {
      super(message, null, false, false);
      this.section = section;
    }
  }

  // ---- families ----

  /** A family as it is read: its metadata, its samples with their lines, its series seen. */
  private final class FamilyState {
    final String name;
    final int firstLine;
    String type;
    String help;
    String unit;
    int unitLine;
    final List<Sample> samples = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();
    final List<String> valueTexts = new ArrayList<>();
    final Set<String> series = new HashSet<>();
    final Map<String, String> lastTimestamp = new HashMap<>();
    final Set<String> groupsSeen = new HashSet<>();
    String lastGroup;

    FamilyState(String name, int firstLine) {
      this.name = name;
      this.firstLine = firstLine;
    }

    String kind() {
      return type != null ? type : openMetrics ? "unknown" : "untyped";
    }

    List<String> sampleNames() {
      return (openMetrics ? OM_SUFFIXES : TEXT_SUFFIXES)
          .get(kind()).stream().map(s -> name + s).toList();
    }

    boolean owns(String sampleName) {
      return sampleNames().contains(sampleName);
    }

    String suffix(Sample sample) {
      return sample.name().substring(name.length());
    }

    /** {@code written}: the labels as the line wrote them; a sample's bounds are canonical. */
    void add(Sample sample, Map<String, String> written, String valueText, String timestamp) {
      String key =
          sample.name() + sample.labelText(Set.of()) + (timestamp == null ? "" : " @" + timestamp);
      if (!series.add(key)) {
        throw new LineError(
            openMetrics ? METRIC : TEXT_LINES,
            "the series "
                + Problem.quote(sample.name() + sample.labelText(Set.of()))
                + " twice"
                + (timestamp == null ? "" : " at one time"));
      }
      if (openMetrics) {
        checkOpenMetrics(sample, written, valueText, timestamp);
      } else {
        checkText(sample, written);
      }
      samples.add(sample);
      lines.add(lineNumber);
      valueTexts.add(valueText);
    }

    /** The rules a sample meets on its own line; those across lines wait for {@link #finish}. */
    private void checkOpenMetrics(
        Sample sample, Map<String, String> labels, String valueText, String timestamp) {
      String suffix = suffix(sample);
      double value = sample.value().number();
      String shown = "`" + sample.name() + sample.labelText(Set.of()) + "` is " + valueText;
      String group = groupOf(sample);
      if (!group.equals(lastGroup) && groupsSeen.contains(group)) {
        throw new LineError(
            METRIC,
            "the series "
                + Problem.quote(name + group)
                + " again after others: a metric's lines stay together");
      }
      groupsSeen.add(group);
      lastGroup = group;
      String seriesKey = sample.name() + sample.labelText(Set.of());
      if (lastTimestamp.containsKey(seriesKey)) {
        String before = lastTimestamp.get(seriesKey);
        if ((before == null) != (timestamp == null)) {
          throw new LineError(
              TIMESTAMPS,
              "a metric's points with and without timestamps: " + Problem.quote(seriesKey));
        }
        if (before != null && Double.parseDouble(timestamp) <= Double.parseDouble(before)) {
          throw new LineError(
              TIMESTAMPS, "timestamps of " + Problem.quote(seriesKey) + " not increasing");
        }
      }
      lastTimestamp.put(seriesKey, timestamp);
      for (String label : labels.keySet()) {
        if (label.startsWith("_")) {
          throw new LineError(
              LABEL, "the label `" + label + "`: names beginning with _ are reserved");
        }
      }
      // an expected file's <NUMBER> stands for any value the rules allow
      switch (sample.value().any() ? "any" : kind()) {
        case "counter" -> {
          if (suffix.equals("_total")) {
            counterLike(shown, value, COUNTER, "a counter's total");
          }
        }
        case "histogram", "gaugehistogram" -> {
          String section = kind().equals("histogram") ? HISTOGRAM : GAUGE_HISTOGRAM;
          if (suffix.equals("_bucket")) {
            String le = labels.get("le");
            if (le == null) {
              throw new LineError(section, "`" + sample.name() + "` has no le label");
            }
            Value bound = numberOf(le);
            if (bound == null || Double.isNaN(bound.number())) {
              throw new LineError(section, "le=\"" + le + "\" is not a bucket bound");
            }
            if (bound.number() == Double.POSITIVE_INFINITY && !le.equals("+Inf")) {
              throw new LineError(
                  section, "le=\"" + le + "\": the top bucket is written le=\"+Inf\"");
            }
            wholeCount(shown, value, section, "a bucket's count");
          } else {
            if (labels.containsKey("le")) {
              throw new LineError(
                  section, "`" + sample.name() + "` has a label le, which only _bucket has");
            }
            if (suffix.equals("_count") || suffix.equals("_gcount")) {
              wholeCount(shown, value, section, "a count");
            } else if ((suffix.equals("_sum") || suffix.equals("_gsum")) && Double.isNaN(value)) {
              throw new LineError(section, shown + ": a sum is a number, never NaN");
            }
          }
        }
        case "summary" -> {
          if (suffix.isEmpty()) {
            String quantile = labels.get("quantile");
            Value q = quantile == null ? null : numberOf(quantile);
            if (q == null || !(q.number() >= 0 && q.number() <= 1)) {
              throw new LineError(
                  SUMMARY,
                  quantile == null
                      ? "`" + sample.name() + "` has no quantile label"
                      : "quantile=\"" + quantile + "\" is not between 0 and 1");
            }
            if (value < 0) {
              throw new LineError(SUMMARY, shown + ": a quantile's value is never negative");
            }
          } else {
            if (labels.containsKey("quantile")) {
              throw new LineError(
                  SUMMARY,
                  "`" + sample.name() + "` has a label quantile, which only the quantiles have");
            }
            if (suffix.equals("_count")) {
              wholeCount(shown, value, SUMMARY, "a count");
            } else if (suffix.equals("_sum")) {
              counterLike(shown, value, SUMMARY, "a summary's sum");
            }
          }
        }
        case "stateset" -> {
          if (!labels.containsKey(name)) {
            throw new LineError(
                STATESET, "`" + sample.name() + "` has no label `" + name + "` naming its state");
          }
          if (value != 0 && value != 1) {
            throw new LineError(STATESET, shown + ": a state is 1 (set) or 0 (not set)");
          }
        }
        case "info" -> {
          if (value != 1) {
            throw new LineError(INFO, shown + ": an Info's value is always 1");
          }
        }
        default -> {
          // gauges and unknowns take any number
        }
      }
      Sample.Exemplar exemplar = sample.exemplar();
      if (exemplar != null) {
        boolean allowed =
            (kind().equals("counter") && suffix.equals("_total"))
                || ((kind().equals("histogram") || kind().equals("gaugehistogram"))
                    && suffix.equals("_bucket"));
        if (!allowed) {
          throw new LineError(
              EXEMPLARS,
              "an exemplar on `"
                  + sample.name()
                  + "`, a "
                  + kind()
                  + (suffix.isEmpty() ? "" : "'s " + suffix)
                  + ": only counters' totals and histograms' buckets have them");
        }
        int length = 0;
        for (Map.Entry<String, String> label : exemplar.labels().entrySet()) {
          length += label.getKey().codePointCount(0, label.getKey().length());
          length += label.getValue().codePointCount(0, label.getValue().length());
        }
        if (length > EXEMPLAR_LABELS_MAX) {
          throw new LineError(
              EXEMPLARS,
              "an exemplar's labels of " + length + " characters: at most " + EXEMPLAR_LABELS_MAX);
        }
        String le = labels.get("le");
        if (suffix.equals("_bucket")
            && le != null
            && exemplar.value().number() > numberOf(le).number()) {
          throw new LineError(
              EXEMPLARS,
              "an exemplar of "
                  + exemplar.value().text()
                  + " in the bucket le=\""
                  + le
                  + "\": it belongs to a bucket at or above its value");
        }
      }
    }

    private void counterLike(String shown, double value, String section, String what) {
      if (Double.isNaN(value)) {
        throw new LineError(section, shown + ": " + what + " is a number, never NaN");
      }
      if (value < 0) {
        throw new LineError(section, shown + ": " + what + " is never negative");
      }
    }

    private void wholeCount(String shown, double value, String section, String what) {
      counterLike(shown, value, section, what);
      if (value != Math.rint(value)) {
        throw new LineError(section, shown + ": " + what + " is a whole number");
      }
    }

    /** The text format: what Prometheus's parser needs to read a histogram's or summary's line. */
    private void checkText(Sample sample, Map<String, String> labels) {
      String suffix = suffix(sample);
      if (kind().equals("histogram") && suffix.equals("_bucket")) {
        String le = labels.get("le");
        if (le == null || numberOf(le) == null) {
          throw new LineError(
              TEXT_HISTOGRAMS,
              le == null
                  ? "`" + sample.name() + "` has no le label"
                  : "le=\"" + le + "\" is not a number");
        }
      }
      if (kind().equals("summary") && suffix.isEmpty()) {
        String quantile = labels.get("quantile");
        if (quantile == null || numberOf(quantile) == null) {
          throw new LineError(
              TEXT_HISTOGRAMS,
              quantile == null
                  ? "`" + sample.name() + "` has no quantile label"
                  : "quantile=\"" + quantile + "\" is not a number");
        }
      }
    }

    /** A metric's labels: the sample's without its bucket bound, quantile or state. */
    private String groupOf(Sample sample) {
      Set<String> hidden =
          switch (kind()) {
            case "histogram", "gaugehistogram" -> Set.of("le");
            case "summary" -> Set.of("quantile");
            case "stateset" -> Set.of(name);
            default -> Set.of();
          };
      return sample.labelText(hidden);
    }

    /** The rules across lines: names that clash, units, and each histogram's buckets. */
    void finish(Map<String, FamilyState> names) {
      if (!openMetrics) {
        return;
      }
      if (name.startsWith("_")) {
        problem(firstLine, FAMILY, "`" + name + "`: family names beginning with _ are reserved");
      }
      for (String sampleName : sampleNames()) {
        FamilyState other = names.putIfAbsent(sampleName, this);
        if (other != null && other != this) {
          problem(
              firstLine,
              FAMILY,
              "`"
                  + name
                  + "` ("
                  + kind()
                  + ") clashes with `"
                  + other.name
                  + "` ("
                  + other.kind()
                  + "): both would write `"
                  + sampleName
                  + "`");
        }
      }
      if (unit != null && !unit.isEmpty()) {
        if (kind().equals("info") || kind().equals("stateset")) {
          problem(
              unitLine, METADATA, "a UNIT for the " + kind() + " `" + name + "`, which has none");
        } else if (!name.endsWith("_" + unit)) {
          problem(
              unitLine, METADATA, "UNIT " + unit + " of `" + name + "`: the name ends in _" + unit);
        }
      }
      if (kind().equals("histogram") || kind().equals("gaugehistogram")) {
        checkBuckets();
      }
    }

    /** Per metric: sorted, cumulative buckets up to +Inf, and the count that is the +Inf bucket. */
    private void checkBuckets() {
      boolean gauge = kind().equals("gaugehistogram");
      String section = gauge ? GAUGE_HISTOGRAM : HISTOGRAM;
      String countSuffix = gauge ? "_gcount" : "_count";
      String sumSuffix = gauge ? "_gsum" : "_sum";
      Map<String, List<Integer>> byMetric = new LinkedHashMap<>();
      for (int i = 0; i < samples.size(); i++) {
        byMetric.computeIfAbsent(groupOf(samples.get(i)), g -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<String, List<Integer>> metric : byMetric.entrySet()) {
        String shownMetric = name + metric.getKey();
        Sample previous = null;
        Integer count = null;
        Integer sum = null;
        boolean negativeBound = false;
        int lastLine = firstLine;
        for (int i : metric.getValue()) {
          Sample sample = samples.get(i);
          int line = lines.get(i);
          lastLine = line;
          String suffix = suffix(sample);
          if (suffix.equals(countSuffix)) {
            count = i;
          } else if (suffix.equals(sumSuffix)) {
            sum = i;
          } else if (suffix.equals("_bucket")) {
            double bound = numberOf(sample.labels().get("le")).number();
            negativeBound |= bound < 0;
            if (previous != null) {
              double before = numberOf(previous.labels().get("le")).number();
              String le = "le=\"" + sample.labels().get("le") + "\"";
              String beforeLe = "le=\"" + previous.labels().get("le") + "\"";
              if (bound <= before) {
                problem(
                    line,
                    section,
                    "bucket " + le + " after " + beforeLe + ": buckets go up by le, each once");
              } else if (!sample.value().any()
                  && !previous.value().any()
                  && sample.value().number() < previous.value().number()) {
                problem(
                    line,
                    section,
                    "bucket "
                        + le
                        + " holds "
                        + valueTexts.get(i)
                        + ", fewer than "
                        + beforeLe
                        + "'s "
                        + previous.value().text()
                        + ": buckets are cumulative");
              }
            }
            previous = sample;
          }
        }
        boolean inf =
            previous != null
                && numberOf(previous.labels().get("le")).number() == Double.POSITIVE_INFINITY;
        if (!inf) {
          problem(lastLine, section, "`" + shownMetric + "` has no le=\"+Inf\" bucket");
        }
        if (inf
            && count != null
            && !samples.get(count).value().any()
            && !previous.value().any()
            && samples.get(count).value().number() != previous.value().number()) {
          problem(
              lines.get(count),
              section,
              "`"
                  + samples.get(count).name()
                  + "` is "
                  + valueTexts.get(count)
                  + ", the +Inf bucket "
                  + previous.value().text()
                  + ": the count is the +Inf bucket");
        }
        if ((count == null) != (sum == null)) {
          problem(
              lines.get(count != null ? count : sum),
              section,
              "`"
                  + shownMetric
                  + "` has a "
                  + (count != null
                      ? countSuffix + " but no " + sumSuffix
                      : sumSuffix + " but no " + countSuffix)
                  + ": the two come together");
        }
        if (sum != null && !gauge && negativeBound) {
          problem(
              lines.get(sum),
              section,
              "`" + shownMetric + "` has a _sum and buckets below 0, which rule a sum out");
        } else if (sum != null
            && !gauge
            && samples.get(sum).value().number() < 0) { // NaN for <NUMBER>
          problem(
              lines.get(sum),
              section,
              "`"
                  + samples.get(sum).name()
                  + "` is "
                  + valueTexts.get(sum)
                  + ": a sum of durations, sizes or counts is never negative");
        } else if (sum != null
            && gauge
            && !negativeBound
            && samples.get(sum).value().number() < 0) {
          problem(
              lines.get(sum),
              section,
              "`" + samples.get(sum).name() + "` is negative, with no bucket below 0");
        }
      }
    }

    Family build() {
      String kind = kind();
      return new Family(
          Family.keyOf(name, kind, format),
          name,
          kind,
          help == null ? "" : help,
          unit == null ? "" : unit,
          List.copyOf(samples));
    }
  }

  // ---- the cursor over one sample line ----

  /** Reads one sample line from left to right. */
  private final class Cursor {
    private final String line;
    private int at;

    Cursor(String line) {
      this.line = line;
    }

    boolean atEnd() {
      return at >= line.length();
    }

    char peek() {
      return at < line.length() ? line.charAt(at) : '\0';
    }

    /** OpenMetrics: exactly one space; the text format: blanks and tabs, at least one. */
    void separator() {
      if (peek() != ' ' && !(peek() == '\t' && !openMetrics)) {
        throw new LineError(
            openMetrics ? ABNF : TEXT_LINES,
            (atEnd()
                    ? "no value after the series: "
                    : "expected a space at column " + (at + 1) + ": ")
                + Problem.quote(line));
      }
      at++;
      if (openMetrics) {
        if (peek() == ' ' || atEnd()) {
          throw new LineError(
              ABNF,
              (atEnd()
                      ? "a space at the end of the line: "
                      : "two spaces where OpenMetrics has one: ")
                  + Problem.quote(line));
        }
      } else {
        while (peek() == ' ' || peek() == '\t') {
          at++;
        }
      }
    }

    String name() {
      int start = at;
      while (at < line.length()
          && (isNameChar(line.charAt(at), at == start) || line.charAt(at) == ':')) {
        at++;
      }
      if (at == start) {
        throw new LineError(
            openMetrics ? ABNF : TEXT_LINES,
            "a sample line starts with a metric name: " + Problem.quote(line));
      }
      return line.substring(start, at);
    }

    String token() {
      int start = at;
      while (at < line.length() && line.charAt(at) != ' ' && line.charAt(at) != '\t') {
        at++;
      }
      if (at == start) {
        throw new LineError(
            openMetrics ? ABNF : TEXT_LINES, "no value after the series: " + Problem.quote(line));
      }
      return line.substring(start, at);
    }

    /** {@code {a="x",b="y"}}: OpenMetrics without blanks, the text format with them too. */
    void labels(Map<String, String> labels, String section) {
      at++; // {
      blanks();
      if (peek() == '}') {
        at++;
        return;
      }
      while (true) {
        int start = at;
        while (at < line.length() && isNameChar(line.charAt(at), at == start)) {
          at++;
        }
        if (at == start) {
          throw new LineError(
              openMetrics ? ABNF : TEXT_LINES,
              "expected a label name at column " + (at + 1) + ": " + Problem.quote(line));
        }
        String label = line.substring(start, at);
        blanks();
        expect('=');
        blanks();
        String value = quoted();
        if (labels.put(label, value) != null) {
          throw new LineError(section, "the label `" + label + "` twice: " + Problem.quote(line));
        }
        blanks();
        if (peek() == ',') {
          at++;
          blanks();
          if (peek() == '}') {
            if (openMetrics) {
              throw new LineError(ABNF, "a comma before }: " + Problem.quote(line));
            }
            at++;
            return;
          }
        } else if (peek() == '}') {
          at++;
          return;
        } else {
          throw new LineError(
              openMetrics ? ABNF : TEXT_LINES,
              "expected , or } at column " + (at + 1) + ": " + Problem.quote(line));
        }
      }
    }

    void blanks() {
      if (!openMetrics) {
        while (peek() == ' ' || peek() == '\t') {
          at++;
        }
      }
    }

    /** OpenMetrics' {@code # {labels} value [timestamp]} after a sample's value. */
    Sample.Exemplar exemplar() {
      if (peek() != '#') {
        throw new LineError(
            ABNF, "expected # and an exemplar at column " + (at + 1) + ": " + Problem.quote(line));
      }
      at++;
      if (peek() != ' ') {
        throw new LineError(
            ABNF, "expected a space after # at column " + (at + 1) + ": " + Problem.quote(line));
      }
      at++;
      if (peek() != '{') {
        throw new LineError(
            EXEMPLARS, "an exemplar starts with its labels in braces: " + Problem.quote(line));
      }
      Map<String, String> ordered = new LinkedHashMap<>();
      labels(ordered, EXEMPLARS);
      separator();
      String valueText = token();
      Value value = number(valueText, "exemplar's value");
      if (!atEnd()) {
        separator();
        String timestamp = token();
        timestamp(timestamp);
      }
      if (!atEnd()) {
        throw new LineError(ABNF, "more after the exemplar: " + Problem.quote(line));
      }
      return new Sample.Exemplar(ordered, value);
    }

    /** A label value; scanned for its end first, so an unclosed one costs no copy. */
    private String quoted() {
      expect('"');
      int end = at;
      boolean escapes = false;
      while (end < line.length() && line.charAt(end) != '"') {
        if (line.charAt(end) == '\\') {
          escapes = true;
          end++;
        }
        end++;
      }
      if (end >= line.length()) {
        throw new LineError(
            openMetrics ? ABNF : TEXT_LINES, "a label value is not closed: " + Problem.quote(line));
      }
      if (!escapes) {
        String value = line.substring(at, end);
        at = end + 1;
        return value;
      }
      StringBuilder value = new StringBuilder(end - at);
      while (at < end) {
        char c = line.charAt(at++);
        if (c != '\\') {
          value.append(c);
          continue;
        }
        char next = line.charAt(at++);
        switch (next) {
          case 'n' -> value.append('\n');
          case '\\' -> value.append('\\');
          case '"' -> value.append('"');
          default -> {
            if (!openMetrics) {
              throw new LineError(
                  TEXT_LINES,
                  "\\" + next + " in a label value: only \\\\, \\\" and \\n are escapes");
            }
            value.append('\\').append(next); // OpenMetrics reads BS normal-char as itself
          }
        }
      }
      at = end + 1;
      return value.toString();
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new LineError(
            openMetrics ? ABNF : TEXT_LINES,
            "expected '" + c + "' at column " + (at + 1) + ": " + Problem.quote(line));
      }
      at++;
    }
  }
}
