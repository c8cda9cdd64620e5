package tutorial.compare;

/**
 * One thing an exposition does that its format forbids: where (the line, or for protobuf the family
 * and series) and why, in plain words.
 *
 * @param line the line number, from 1; 0 where the format has no lines (protobuf)
 * @param section the part of the format's specification the rule is in, e.g. "Histogram"
 * @param message the rule broken, with the offending text
 */
public record Problem(int line, String section, String message) {

  /** Offending text is shown up to this many characters: a line can be megabytes long. */
  static final int SHOWN = 80;

  /** {@code line 7: bucket le="0.5" holds 3, ...}. */
  public String render() {
    return line > 0 ? "line " + line + ": " + message : message;
  }

  /** {@code text} in quotes, shortened to {@link #SHOWN} characters. */
  static String quote(String text) {
    String shown = text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
    return "'" + shown + "'";
  }
}
