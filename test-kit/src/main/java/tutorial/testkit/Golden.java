package tutorial.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tutorial.steps.TutorialSteps;

/**
 * Expected scrape outputs kept as files, as client_java's integration tests do: the tutorial's
 * steps in the tutorial-steps module, and fixtures of common's own tests beside them. A file may
 * write {@code <NUMBER>} where a value always differs between runs (a duration, a timestamp); every
 * other character must match exactly.
 */
public final class Golden {

  static final String NUMBER = "<NUMBER>";
  private static final String NUMBER_PATTERN = "[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?";

  private Golden() {}

  /** Asserts that {@code actual} matches the resource {@code name}, read next to {@code anchor}. */
  public static void assertMatches(String actual, Class<?> anchor, String name) {
    String expected = read(anchor, name);
    assertThat(actual).as("scrape compared with %s", name).isEqualTo(resolve(expected, actual));
  }

  /**
   * Asserts that {@code actual} matches the expected scrape of a tutorial step, e.g. {@code
   * counters/after-visits}: the same file that {@code ./compare --step} checks a service against.
   */
  public static void assertMatchesStep(String actual, String step) {
    String expected =
        TutorialSteps.read(step).orElseThrow(() -> new AssertionError("no tutorial step " + step));
    assertThat(actual)
        .as("scrape compared with step %s", step)
        .isEqualTo(resolve(expected, actual));
  }

  public static String read(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("no golden file " + name + " beside " + anchor.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The expected text with each placeholder line replaced by the actual line when that line matches
   * it, so that a failure shows a diff of real differences only.
   */
  static String resolve(String expected, String actual) {
    String[] expectedLines = expected.split("\n", -1);
    String[] actualLines = actual.split("\n", -1);
    List<String> resolved = new ArrayList<>();
    for (int i = 0; i < expectedLines.length; i++) {
      String line = expectedLines[i];
      if (line.contains(NUMBER) && i < actualLines.length && matches(line, actualLines[i])) {
        line = actualLines[i];
      }
      resolved.add(line);
    }
    return String.join("\n", resolved);
  }

  /** Whether {@code line} is {@code template} with each placeholder standing for a number. */
  public static boolean lineMatches(String template, String line) {
    return template.contains(NUMBER) ? matches(template, line) : template.equals(line);
  }

  private static boolean matches(String template, String line) {
    String[] parts = template.split(Pattern.quote(NUMBER), -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      regex.append(NUMBER_PATTERN).append(Pattern.quote(parts[i]));
    }
    return Pattern.matches(regex.toString(), line);
  }
}
