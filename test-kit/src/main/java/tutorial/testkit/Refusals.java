package tutorial.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A bad setting, given to a service's or a tool's jar: refused before anything starts, in one line
 * that names the command and the setting, with exit status 2 and no stack trace.
 */
public final class Refusals {

  /** A refusal comes before anything starts: a JVM's start, and at most a second's lookup. */
  public static final Duration BOUND = Duration.ofSeconds(5);

  private Refusals() {}

  /**
   * As {@link #assertRefusedInOneLine(Path, String, String, Map, String...)}, with the setting
   * written as a learner writes it: {@code variable} as {@code NAME=value} or null, {@code flags}
   * as on the command line (split at spaces) or null.
   */
  public static void assertRefusedInOneLine(
      Path jar, String command, String setting, String variable, String flags) {
    Map<String, String> env =
        variable == null
            ? Map.of()
            : Map.of(
                variable.substring(0, variable.indexOf('=')),
                variable.substring(variable.indexOf('=') + 1));
    String[] args = flags == null ? new String[0] : flags.split(" ");
    assertRefusedInOneLine(jar, command, setting, env, args);
  }

  /**
   * Starts {@code jar} with {@code env} and {@code args} and checks that {@code command} refuses
   * the start with one line naming {@code setting}.
   */
  public static void assertRefusedInOneLine(
      Path jar, String command, String setting, Map<String, String> env, String... args) {
    try (JarProcess process = JarProcess.start(jar, Path.of(""), env, args)) {
      assertThat(process.awaitExit(BOUND)).as(process.output()).isEqualTo(2);
      assertThat(process.output().lines().toList())
          .as("what %s printed for %s %s", command, env, String.join(" ", args))
          .singleElement(STRING)
          .startsWith(command + ": ")
          .contains(setting)
          .contains("Try '" + command + " --help'")
          .doesNotContain("Exception");
    }
  }
}
