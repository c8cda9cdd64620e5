package tutorial.topology;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tutorial.testkit.JarProcess;
import tutorial.testkit.Refusals;

/**
 * {@code ./topology} with a bad setting of each kind: one line naming it, exit status 2, nothing
 * started.
 */
class TopologySettingsJarIT {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        " | --instances=0 | --instances",
        " | --instances=many | --instances",
        " | --port-offset=99999 | --port-offset",
        " | --webhook-url=ftp://example.com | --webhook-url",
        " | --traffic=maybe | --traffic",
        " | --config-dir=../prometheus --suite-jar=/nonexistent/suite-app.jar | --suite-jar",
        " | --config-dir=/nonexistent | --config-dir",
      })
  void aBadSettingIsRefusedInOneLine(String variable, String flag, String setting) {
    Refusals.assertRefusedInOneLine(
        JarProcess.builtJar("topology-tool"), "topology", setting, variable, flag);
  }
}
