package tutorial.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A missing server binary stops the start with the command that installs it. */
class BinariesTest {

  @Test
  void aBinaryOnThePathIsFoundByItsFirstNameThere() {
    assertThat(Binaries.find("TOPOLOGY_TEST_UNSET_BIN", "no-such-binary-here", "sh"))
        .endsWith("/sh");
  }

  @Test
  void aBinaryNowhereNamesThePackagesToInstall() {
    assertThatThrownBy(() -> Binaries.find("TOPOLOGY_TEST_UNSET_BIN", "no-such-binary-here"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no-such-binary-here is not installed: sudo apt-get install --no-install-recommends"
                + " prometheus victoria-metrics prometheus-alertmanager");
  }

  @Test
  void aVariableNamingNoExecutableIsRefused() {
    // PATH is set in every environment this runs in, and names folders, not executables
    assertThatThrownBy(() -> Binaries.find("PATH", "sh"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("PATH=")
        .hasMessageEndingWith(" is not an executable file");
  }
}
