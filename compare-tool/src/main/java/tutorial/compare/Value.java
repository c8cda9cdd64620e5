package tutorial.compare;

import java.util.regex.Pattern;

/**
 * A sample's value as the scrape wrote it, and as a number. An expected file may write {@code
 * <NUMBER>} for a value that differs from run to run (see the tests' {@code Golden}); such a value
 * matches any number.
 */
public record Value(String text, double number, boolean any) {

  static final String ANY_NUMBER = "<NUMBER>";

  // what the exposition formats write; Java's own parser would also take "1d", "0x1p3" or
  // "Infinity"
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

  /** Reads a value written in the text formats; null if it is not a number. */
  static Value parse(String text) {
    if (text.equals(ANY_NUMBER)) {
      return new Value(text, Double.NaN, true);
    }
    switch (text) {
      case "+Inf":
      case "Inf":
        return new Value(text, Double.POSITIVE_INFINITY, false);
      case "-Inf":
        return new Value(text, Double.NEGATIVE_INFINITY, false);
      case "NaN":
        return new Value(text, Double.NaN, false);
      default:
        return DECIMAL.matcher(text).matches()
            ? new Value(text, Double.parseDouble(text), false)
            : null;
    }
  }

  static Value of(double number) {
    return new Value(format(number), number, false);
  }

  /** A count, written without a fraction as the text formats write counts. */
  static Value ofCount(long count) {
    return new Value(Long.toString(count), count, false);
  }

  /** A number as the text formats write it: {@code +Inf}, {@code NaN}, else Java's own form. */
  static String format(double number) {
    if (number == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (number == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    return Double.isNaN(number) ? "NaN" : Double.toString(number);
  }

  /**
   * Whether two values are the same number: {@code 1} and {@code 1.0} are, as Prometheus reads
   * them. {@code tolerance} is a fraction of the larger value (0 compares exactly).
   */
  boolean sameAs(Value other, double tolerance) {
    if (any || other.any) {
      return true;
    }
    if (Double.isNaN(number) || Double.isNaN(other.number)) {
      return Double.isNaN(number) && Double.isNaN(other.number);
    }
    if (number == other.number) {
      return true;
    }
    double largest = Math.max(Math.abs(number), Math.abs(other.number));
    return Math.abs(number - other.number) <= tolerance * largest;
  }
}
