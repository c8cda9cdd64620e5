package tutorial.commandline;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as people write them ({@code 500ms}, {@code 2s}, {@code 1m}) or in ISO-8601. */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("pt")) {
        return nonNegative(Duration.parse(text));
      }
      if (text.endsWith("ms")) {
        return nonNegative(Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2))));
      }
      if (text.endsWith("s")) {
        return nonNegative(
            Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1))));
      }
      if (text.endsWith("m")) {
        return nonNegative(
            Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1))));
      }
    } catch (RuntimeException e) {
      // fall through to the message below
    }
    throw new TypeConversionException(
        "'" + value + "' is not a duration; write it like 500ms, 2s or 1m");
  }

  private static Duration nonNegative(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative");
    }
    return duration;
  }
}
