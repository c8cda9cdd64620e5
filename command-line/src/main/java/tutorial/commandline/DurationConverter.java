package tutorial.commandline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads durations as people write them ({@code 500ms}, {@code 2s}, {@code 1m}) or in ISO-8601, and
 * refuses a negative one and zero: every duration setting is a wait or a timeout.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    Duration duration = parse(value.trim().toLowerCase(Locale.ROOT));
    if (duration == null) {
      throw Values.refused(value, "is not a duration; write it like 500ms, 2s or 1m");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw Values.refused(value, "is not above zero; give a duration like 500ms, 2s or 1m");
    }
    return duration;
  }

  private static Duration parse(String text) {
    try {
      if (text.startsWith("pt")) {
        return Duration.parse(text);
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      if (text.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      }
      return null;
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }
}
