package tutorial.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/**
 * Timeouts such as {@code READ_TIMEOUT=500ms} or {@code STOP_TIMEOUT=10s}, read from the
 * environment.
 */
class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "2s, PT2S",
    "1m, PT1M",
    "PT10S, PT10S",
    "pt1m30s, PT1M30S",
    "' 2S ', PT2S"
  })
  void readsDurationsAsPeopleWriteThem(String text, String expected) {
    assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "", " ", "10", "1.5s", "2h", "ms", "99999999999999999999s"})
  void refusesAnythingElseWithAMessagePicocliShows(String text) {
    // picocli turns a TypeConversionException into "Invalid value for option ...": exit 2, no trace
    assertThatThrownBy(() -> converter.convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'" + text + "' is not a duration; write it like 500ms, 2s or 1m");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "0ms", "PT0S", "-1s", "-500ms", "PT-1S"})
  void refusesZeroAndNegativeDurations(String text) {
    // each is a wait or a timeout: zero would time out everything at once
    assertThatThrownBy(() -> converter.convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'" + text + "' is not above zero; give a duration like 500ms, 2s or 1m");
  }
}
