package tutorial.compare;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tutorial.testkit.JarProcess;
import tutorial.testkit.Refusals;

/**
 * {@code ./compare} with a bad setting of each kind: one line naming it, exit status 2, nothing
 * started.
 */
class CompareSettingsJarIT {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        " | --expected=/nonexistent/step.txt a b | --expected",
        " | --tolerance=-1 a b | --tolerance",
        " | --width=0 a b | --width",
        " | --format=yaml a b | --format",
        " | --formats=yaml localhost:1 | --formats",
        " | --nope a b | --nope",
      })
  void aBadSettingIsRefusedInOneLine(String variable, String flag, String setting) {
    Refusals.assertRefusedInOneLine(
        JarProcess.builtJar("compare-tool"), "compare", setting, variable, flag);
  }
}
