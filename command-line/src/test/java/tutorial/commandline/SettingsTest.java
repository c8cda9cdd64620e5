package tutorial.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /** A group with the other kinds the tools use: a flag, lists, an optional value, parameters. */
  static final class Tool implements Settings {
    boolean quiet;
    List<String> names = new ArrayList<>();
    List<String> services;
    List<TimeUnit> units;
    String step;
    List<String> targets = new ArrayList<>();

    @Override
    public CommandSpec options() {
      return Settings.group()
          .flag("--quiet", v -> quiet = v, "Quiet.")
          .alias("-q")
          .list("--name", String.class, null, null, v -> names = v, "Names.")
          .alias("-n")
          .label("NAME")
          .list("--services", String.class, ",", "a,b,c", v -> services = v, "Services.")
          .label("SERVICE")
          .list("--units", TimeUnit.class, ",", null, v -> units = v, "Units.")
          .optionalValue("seconds,minutes", "[UNIT,...]")
          .option("--step", String.class, null, v -> step = v, "Step.")
          .label("CHAPTER/STEP")
          .parameters("TARGET", v -> targets = v, "Targets.")
          .build();
    }
  }

  private static CommandLine commandLine(Tool tool) {
    CommandSpec command = CommandSpec.create().name("tool");
    command.addMixin("tool", tool.options());
    HelpOption.addTo(command);
    return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Test
  void aFlagTakesNoValueAndIsFalseWhenLeftOut() {
    Tool absent = new Tool();
    Tool given = new Tool();
    Tool attached = new Tool();

    commandLine(absent).parseArgs();
    commandLine(given).parseArgs("-q", "a");
    commandLine(attached).parseArgs("--quiet=false");

    assertThat(absent.quiet).isFalse();
    assertThat(given.quiet).isTrue();
    assertThat(given.targets).containsExactly("a");
    assertThat(attached.quiet).isFalse();
  }

  @Test
  void aListGathersEveryValueGivenAndReplacesItsDefault() {
    Tool absent = new Tool();
    Tool given = new Tool();

    commandLine(absent).parseArgs();
    commandLine(given).parseArgs("-n", "a", "--name=b", "--services=x,y", "--services=z");

    assertThat(absent.names).isEmpty();
    assertThat(absent.services).containsExactly("a", "b", "c");
    assertThat(absent.units).isNull();
    assertThat(given.names).containsExactly("a", "b");
    assertThat(given.services).containsExactly("x", "y", "z");
  }

  @Test
  void anOptionalValueFallsBackWhenLeftOutAndIsReadWhenGiven() {
    Tool alone = new Tool();
    Tool given = new Tool();

    commandLine(alone).parseArgs("--units", "localhost:1");
    commandLine(given).parseArgs("--units=MINUTES,hours", "localhost:1");

    assertThat(alone.units).containsExactly(TimeUnit.SECONDS, TimeUnit.MINUTES);
    assertThat(alone.targets).containsExactly("localhost:1");
    assertThat(given.units).containsExactly(TimeUnit.MINUTES, TimeUnit.HOURS);
    assertThatThrownBy(() -> commandLine(new Tool()).parseArgs("--units=weeks"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("'--units'")
        .hasMessageContaining("but was 'weeks'");
  }

  @Test
  void everyArgumentAfterTwoDashesIsAParameter() {
    Tool tool = new Tool();

    commandLine(tool).parseArgs("a", "--step=s", "--", "--quiet", "b");

    assertThat(tool.step).isEqualTo("s");
    assertThat(tool.quiet).isFalse();
    assertThat(tool.targets).containsExactly("a", "--quiet", "b");
  }

  @Test
  void theHelpShowsAliasesLabelsListsAndParameters() {
    CommandLine commandLine = commandLine(new Tool());

    assertThat(commandLine.getUsageMessage())
        .contains("[TARGET...]")
        .contains("-q, --quiet")
        .contains("-n, --name=NAME")
        .contains("--services=SERVICE[,SERVICE...]")
        .contains("--units=[UNIT,...]")
        .contains("--step=CHAPTER/STEP");
  }

  @Test
  void aLabelOrAliasNeedsAnOptionBeforeIt() {
    assertThatThrownBy(() -> Settings.group().label("NAME"))
        .isInstanceOf(IllegalStateException.class);
  }
}
