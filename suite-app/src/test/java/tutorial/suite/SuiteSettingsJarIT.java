package tutorial.suite;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tutorial.testkit.JarProcess;
import tutorial.testkit.Refusals;

/**
 * {@code ./suite} with a bad setting of each kind: one line naming it, exit status 2, nothing
 * started.
 */
class SuiteSettingsJarIT {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SUITE_BASE_PORT=70000 | | --base-port",
        " | --base-port=-1 | --base-port",
        "HOST=nonsense.invalid | | --host",
        "STOP_TIMEOUT=0s | | --stop-timeout",
        "READ_TIMEOUT=-2s | | --read-timeout",
        "GITHUB_API_URL=ftp://example.com | | --github-api-url",
        "HISTOGRAM_BUCKETS=finer | | --buckets",
        "TRAFFIC_RATE=0 | | --traffic-rate",
        " | --instances=0 | --instances",
        " | --services=counter-app | counter-app",
        " | --targets-file=/etc/hostname/suite.json | --targets-file",
      })
  void aBadSettingIsRefusedInOneLine(String variable, String flag, String setting) {
    Refusals.assertRefusedInOneLine(
        JarProcess.builtJar("suite-app"), "suite", setting, variable, flag);
  }
}
