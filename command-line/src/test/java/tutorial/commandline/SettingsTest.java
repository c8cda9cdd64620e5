package tutorial.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Settings declared in code parse, default and list themselves as annotated ones did. */
class SettingsTest {

  /** A group with one option of each kind the services use. */
  static final class Example implements Settings {
    int port;
    boolean log;
    Duration timeout;
    String token;

    @Override
    public CommandSpec options() {
      return Settings.group()
          .option(
              "--port",
              int.class,
              "${env:SETTINGS_TEST_UNSET_PORT:-5000}",
              v -> port = v,
              "Port (default ${DEFAULT-VALUE}).")
          .option("--request-log", boolean.class, "true", v -> log = v, "Log.")
          .option(
              "--stop-timeout",
              Duration.class,
              new DurationConverter(),
              "10s",
              v -> timeout = v,
              "Timeout.")
          .option(
              "--token", String.class, "${env:SETTINGS_TEST_UNSET_TOKEN}", v -> token = v, "Token.")
          .build();
    }
  }

  private static CommandLine commandLine(Example example) {
    CommandSpec command = CommandSpec.create().name("example");
    command.addMixin("example", example.options());
    HelpOption.addTo(command);
    return new CommandLine(command);
  }

  @Test
  void absentFlagsTakeTheirDefaultsAndAnUnsetVariableLeavesNone() {
    Example example = new Example();

    commandLine(example).parseArgs();

    assertThat(example.port).isEqualTo(5000);
    assertThat(example.log).isTrue();
    assertThat(example.timeout).isEqualTo(Duration.ofSeconds(10));
    assertThat(example.token).isNull();
  }

  @Test
  void givenFlagsWinAndABooleanTakesItsValueAfterTheEqualsSign() {
    Example example = new Example();

    commandLine(example)
        .parseArgs("--port=8080", "--request-log=false", "--stop-timeout=500ms", "--token=t");

    assertThat(example.port).isEqualTo(8080);
    assertThat(example.log).isFalse();
    assertThat(example.timeout).isEqualTo(Duration.ofMillis(500));
    assertThat(example.token).isEqualTo("t");
  }

  @Test
  void aBadValueIsRefusedNamingTheFlag() {
    assertThatThrownBy(() -> commandLine(new Example()).parseArgs("--port=abc"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("'--port'")
        .hasMessageContaining("'abc' is not an int");
    assertThatThrownBy(() -> commandLine(new Example()).parseArgs("--stop-timeout=soon"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("'--stop-timeout'");
  }

  @Test
  void theHelpListsEachFlagWithItsValueNameAndDefault() {
    CommandLine commandLine = commandLine(new Example());
    commandLine.parseArgs("--help");
    StringWriter help = new StringWriter();
    commandLine.usage(new PrintWriter(help));

    assertThat(commandLine.isUsageHelpRequested()).isTrue();
    assertThat(help.toString())
        .contains("--port=<port>")
        .contains("Port (default 5000).")
        .contains("--request-log=<requestLog>")
        .contains("--stop-timeout=<stopTimeout>")
        .contains("-h, --help");
  }
}
