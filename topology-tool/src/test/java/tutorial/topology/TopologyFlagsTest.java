package tutorial.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code ./topology}'s flags: what it refuses before starting anything, and its help. */
class TopologyFlagsTest {

  private static final String SHIPPED_CONFIGS = "--config-dir=../prometheus";

  @TempDir Path dir;
  private String suiteJar;

  @BeforeEach
  void aSuiteJar() throws IOException {
    suiteJar = "--suite-jar=" + Files.createFile(dir.resolve("suite-app.jar"));
  }

  /** Parses and checks {@code args} as main does. */
  private static Topology.Flags check(String... args) {
    Topology.Flags flags = new Topology.Flags();
    CommandLine commandLine = Topology.commandLine(flags);
    commandLine.parseArgs(args);
    flags.check(commandLine);
    return flags;
  }

  @Test
  void theShippedConfigsAndAnExistingSuiteJarPass() {
    Topology.Flags flags =
        check(
            SHIPPED_CONFIGS,
            suiteJar,
            "--instances=20",
            "--port-offset=20000",
            "--",
            "--quantiles=true");

    Topology.Plan plan = flags.plan();
    assertThat(plan.instances()).isEqualTo(20);
    assertThat(plan.ports()).isEqualTo(Topology.Ports.shipped(20000));
    assertThat(plan.suiteArgs()).containsExactly("--quantiles=true");
  }

  @Test
  void instancesMustBeFrom1To20() {
    for (String instances : List.of("0", "21", "-1")) {
      assertThatThrownBy(() -> check(SHIPPED_CONFIGS, suiteJar, "--instances=" + instances))
          .isInstanceOf(ParameterException.class)
          .hasMessage("--instances must be from 1 to 20: " + instances);
    }
  }

  @Test
  void thePortOffsetMustKeepEveryPortAPort() {
    for (String offset : List.of("-5001", "50001")) {
      assertThatThrownBy(() -> check(SHIPPED_CONFIGS, suiteJar, "--port-offset=" + offset))
          .isInstanceOf(ParameterException.class)
          .hasMessage("--port-offset must be from -5000 to 50000: " + offset);
    }
    assertThatThrownBy(() -> check(SHIPPED_CONFIGS, suiteJar, "--port-offset=many"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("--port-offset")
        .hasMessageContaining("'many' is not an int");
  }

  @Test
  void aConfigDirWithoutTopologyIsNamed() {
    assertThatThrownBy(() -> check("--config-dir=" + dir, suiteJar))
        .isInstanceOf(ParameterException.class)
        .hasMessage("--config-dir: no topology/ folder in " + dir.toAbsolutePath());
  }

  @Test
  void aMissingSuiteJarSaysThatTheScriptBuildsIt() {
    Path missing = dir.resolve("target/suite-app.jar");

    assertThatThrownBy(() -> check(SHIPPED_CONFIGS, "--suite-jar=" + missing))
        .isInstanceOf(ParameterException.class)
        .hasMessage("--suite-jar: no file " + missing.toAbsolutePath() + " (./topology builds it)");
  }

  @Test
  void helpListsEveryFlag() {
    Topology.Flags flags = new Topology.Flags();
    CommandLine commandLine = Topology.commandLine(flags);
    commandLine.parseArgs("--help");

    assertThat(commandLine.isUsageHelpRequested()).isTrue();
    assertThat(commandLine.getUsageMessage())
        .startsWith("Usage: topology ")
        .contains(
            "--instances=",
            "--traffic=",
            "--port-offset=",
            "--webhook-url=",
            "--work-dir=",
            "--config-dir=",
            "--suite-jar=",
            "SUITE_SETTING",
            "-h, --help",
            "Ctrl-C stops every part.");
  }
}
