package tutorial.testkit;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import tutorial.commandline.Settings;
import tutorial.common.settings.ServiceSettings;
import tutorial.common.upstream.UpstreamSettings;

/**
 * Settings for services started inside tests, made by parsing flags as a real start does, so the
 * main code needs no factory or setter that only tests would call. Every flag a test relies on is
 * given, so the environment the tests run in cannot change them.
 */
public final class TestSettings {

  private TestSettings() {}

  /**
   * Loopback, a free port, no access log, and the JVM metrics on as in a real start, so that tests
   * prove their filtered scrapes ignore them; {@code flags} add to or override these.
   */
  public static ServiceSettings service(String... flags) {
    return parse(
        new ServiceSettings(),
        with(
            flags,
            "--port=0",
            "--host=127.0.0.1",
            "--request-log=false",
            "--jvm-metrics=true",
            "--stop-timeout=5s"));
  }

  /** The repository API at {@code apiUrl} (a MockWebServer or the stand-in), online. */
  public static UpstreamSettings upstream(String apiUrl, String... flags) {
    return parse(
        new UpstreamSettings(),
        with(
            flags,
            "--github-api-url=" + apiUrl,
            "--offline=false",
            "--connect-timeout=2s",
            "--read-timeout=5s"));
  }

  /** {@code settings} filled from {@code flags} as the command line would. */
  public static <T extends Settings> T parse(T settings, String... flags) {
    new CommandLine(settings.options()).setOverwrittenOptionsAllowed(true).parseArgs(flags);
    return settings;
  }

  /** The defaults first: the last value of a flag given twice wins. */
  private static String[] with(String[] flags, String... defaults) {
    List<String> all = new ArrayList<>(List.of(defaults));
    all.addAll(List.of(flags));
    return all.toArray(String[]::new);
  }
}
