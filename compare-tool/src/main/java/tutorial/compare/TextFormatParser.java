package tutorial.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two line formats, text 0.0.4 and OpenMetrics 1.0, into families. Both are simple enough
 * for a small hand-written reader: {@code # HELP}, {@code # TYPE}, {@code # UNIT} and {@code # EOF}
 * lines, and sample lines {@code name{label="value",...} value [timestamp]}, to which OpenMetrics
 * may add an exemplar after {@code #}. Timestamps differ in every scrape and are dropped; an
 * exemplar is kept with its sample.
 */
final class TextFormatParser {

  /** What the clients append to a family's name to name its samples. */
  private static final List<String> SUFFIXES =
      List.of("_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info");

  private final Format format;
  private final Map<String, Builder> families = new LinkedHashMap<>();
  private Builder current;
  private int lineNumber;

  private TextFormatParser(Format format) {
    this.format = format;
  }

  static List<Family> parse(String text, Format format) {
    return new TextFormatParser(format).read(text);
  }

  private List<Family> read(String text) {
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (line.equals("# EOF")) {
          break;
        }
        metadata(line);
      } else {
        sample(line);
      }
    }
    List<Family> result = new ArrayList<>();
    for (Builder builder : families.values()) {
      result.add(builder.build());
    }
    return result;
  }

  private void metadata(String line) {
    String[] parts = line.split("[ \t]+", 4);
    if (parts.length < 3 || !parts[0].equals("#")) {
      return; // a comment
    }
    String keyword = parts[1];
    String rest = parts.length > 3 ? parts[3] : "";
    switch (keyword) {
      case "HELP" -> family(parts[2]).help = unescape(rest);
      case "TYPE" -> family(parts[2]).type = rest.trim();
      case "UNIT" -> family(parts[2]).unit = rest.trim();
      default -> {
        // any other comment
      }
    }
  }

  private Builder family(String name) {
    current = families.computeIfAbsent(name, Builder::new);
    return current;
  }

  private void sample(String line) {
    Cursor cursor = new Cursor(line);
    String name = cursor.name();
    Map<String, String> labels = new LinkedHashMap<>();
    if (cursor.peek() == '{') {
      cursor.labels(labels);
    }
    cursor.spaces();
    String valueText = cursor.token();
    Value value = Value.parse(valueText);
    if (value == null) {
      throw error("'" + valueText + "' is not a number");
    }
    familyOf(name).samples.add(new Sample(name, labels, value, exemplar(cursor)));
  }

  /**
   * The OpenMetrics exemplar after the value and its optional timestamp, {@code # {labels} value
   * [timestamp]}, or null; the timestamps differ in every scrape and are dropped.
   */
  private Sample.Exemplar exemplar(Cursor cursor) {
    cursor.spaces();
    if (cursor.peek() != '#' && cursor.peek() != '\0') {
      cursor.token(); // the sample's timestamp
      cursor.spaces();
    }
    if (cursor.peek() != '#') {
      return null;
    }
    cursor.skip();
    cursor.spaces();
    if (cursor.peek() != '{') {
      throw error("an exemplar starts with its labels in braces: " + cursor.line);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    cursor.labels(labels);
    cursor.spaces();
    String valueText = cursor.token();
    Value value = Value.parse(valueText);
    if (value == null) {
      throw error("exemplar value '" + valueText + "' is not a number");
    }
    return new Sample.Exemplar(labels, value);
  }

  /** The family a sample belongs to: the one whose metadata came last, else one of its own. */
  private Builder familyOf(String sampleName) {
    if (current != null && current.owns(sampleName)) {
      return current;
    }
    for (Builder family : families.values()) {
      if (family.owns(sampleName)) {
        current = family;
        return family;
      }
    }
    return family(sampleName);
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("line " + lineNumber + ": " + message);
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private final class Builder {
    final String name;
    String type;
    String help = "";
    String unit = "";
    final List<Sample> samples = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    boolean owns(String sampleName) {
      if (sampleName.equals(name)) {
        return true;
      }
      return sampleName.startsWith(name) && SUFFIXES.contains(sampleName.substring(name.length()));
    }

    Family build() {
      String kind = type != null ? type : (format == Format.openmetrics ? "unknown" : "untyped");
      return new Family(
          Family.keyOf(name, kind, format), name, kind, help, unit, List.copyOf(samples));
    }
  }

  /** Reads one sample line from left to right. */
  private final class Cursor {
    private final String line;
    private int at;

    Cursor(String line) {
      this.line = line;
    }

    void skip() {
      at++;
    }

    char peek() {
      return at < line.length() ? line.charAt(at) : '\0';
    }

    void spaces() {
      while (peek() == ' ' || peek() == '\t') {
        at++;
      }
    }

    String name() {
      int start = at;
      while (at < line.length() && isNameChar(line.charAt(at), at == start)) {
        at++;
      }
      if (at == start) {
        throw error("a sample line must start with a metric name: " + line);
      }
      return line.substring(start, at);
    }

    String token() {
      int start = at;
      while (at < line.length() && line.charAt(at) != ' ' && line.charAt(at) != '\t') {
        at++;
      }
      if (at == start) {
        throw error("no value after the series: " + line);
      }
      return line.substring(start, at);
    }

    void labels(Map<String, String> labels) {
      at++; // {
      while (true) {
        spaces();
        if (peek() == '}') {
          at++;
          return;
        }
        String label = name();
        spaces();
        expect('=');
        spaces();
        labels.put(label, quoted());
        spaces();
        if (peek() == ',') {
          at++;
        } else if (peek() != '}') {
          throw error("expected ',' or '}' in the labels: " + line);
        }
      }
    }

    private String quoted() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (at < line.length()) {
        char c = line.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\' && at < line.length()) {
          char next = line.charAt(at++);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      throw error("a label value is not closed: " + line);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "' at column " + (at + 1) + ": " + line);
      }
      at++;
    }

    private boolean isNameChar(char c, boolean first) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || c == '_'
          || c == ':'
          || (!first && c >= '0' && c <= '9');
    }
  }
}
