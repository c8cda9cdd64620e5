package tutorial.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every service's runnable jar must do, checked on the real jar in its own process. Each app
 * module runs it through a one-line subclass in its integration tests.
 */
public abstract class ServiceJarContract {

  private static final Duration START = Duration.ofSeconds(60);

  private static final OkHttpClient HTTP = new OkHttpClient();

  private final String module;
  private final List<String> families;
  private final List<String> ownOptions;

  protected ServiceJarContract(String module, List<String> families, List<String> ownOptions) {
    this.module = module;
    this.families = families;
    this.ownOptions = ownOptions;
  }

  @Test
  public void helpListsEverySettingWithItsVariable() {
    try (JarProcess jar = JarProcess.start(module, Map.of(), "--help")) {
      assertThat(jar.awaitExit(START)).isZero();
      // picocli wraps long descriptions: compare with the line breaks taken out
      String help = jar.output().replaceAll("\\s+", " ");
      assertThat(help)
          .startsWith("Usage: " + module)
          .contains("--port", "env PORT, default 5000")
          .contains("--host", "env HOST, default 0.0.0.0")
          .contains("--request-log", "--jvm-metrics", "--stop-timeout");
      for (String option : ownOptions) {
        assertThat(help).contains(option);
      }
    }
  }

  /**
   * The settings every service shares, each set to a value of every kind a learner may mistype:
   * variable, value, and the option the refusal must name.
   */
  private static final List<List<String>> BAD_SHARED_SETTINGS =
      List.of(
          List.of("PORT", "not-a-port", "--port"),
          List.of("PORT", "99999", "--port"),
          List.of("PORT", "65536", "--port"),
          List.of("PORT", "-1", "--port"),
          List.of("HOST", "nonsense.invalid", "--host"),
          List.of("HOST", "192.0.2.1", "--host"),
          List.of("STOP_TIMEOUT", "0s", "--stop-timeout"),
          List.of("STOP_TIMEOUT", "-5s", "--stop-timeout"),
          List.of("STOP_TIMEOUT", "soon", "--stop-timeout"),
          List.of("REQUEST_LOG", "maybe", "--request-log"),
          List.of("METRICS_USERNAME", "admin", "METRICS_PASSWORD"));

  /** The settings of the services that call the repository API, as {@link #BAD_SHARED_SETTINGS}. */
  protected static final List<List<String>> BAD_UPSTREAM_SETTINGS =
      List.of(
          List.of("GITHUB_API_URL", "ftp://example.com", "--github-api-url"),
          List.of("GITHUB_API_URL", "api.github.com", "--github-api-url"),
          List.of("READ_TIMEOUT", "0s", "--read-timeout"),
          List.of("CONNECT_TIMEOUT", "-1s", "--connect-timeout"),
          List.of("MAX_UPSTREAM_CALLS", "0", "--max-upstream-calls"),
          List.of("OFFLINE", "yes please", "--offline"));

  /** This service's own settings, as {@link #BAD_SHARED_SETTINGS}: none unless it has some. */
  protected List<List<String>> badOwnSettings() {
    return List.of();
  }

  @TestFactory
  public Stream<DynamicTest> aBadSettingStopsTheStartWithOneLineNamingIt() {
    return Stream.concat(BAD_SHARED_SETTINGS.stream(), badOwnSettings().stream())
        .map(
            bad ->
                DynamicTest.dynamicTest(
                    bad.get(0) + "=" + bad.get(1),
                    () ->
                        Refusals.assertRefusedInOneLine(
                            JarProcess.builtJar(module),
                            module,
                            bad.get(2),
                            Map.of(bad.get(0), bad.get(1)))));
  }

  @Test
  public void aTakenPortIsNamedWithTheSettingThatMovesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        JarProcess jar =
            JarProcess.start(
                module,
                Map.of("PORT", String.valueOf(taken.getLocalPort()), "HOST", "127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThat(jar.awaitExit(START)).isEqualTo(1);
      assertThat(jar.output())
          .contains(module + ": port " + port + " is already in use.")
          .contains("PORT=" + (port + 1) + " (or --port=" + (port + 1) + ")")
          .doesNotContain("Exception");
    }
  }

  @Test
  public void startsOnThePortFromTheEnvironmentAndAnswersMetricsAndHealth() throws Exception {
    try (JarProcess jar = JarProcess.start(module, Map.of("PORT", "0", "HOST", "127.0.0.1"))) {
      int port = jar.awaitPort(START);
      String base = "http://127.0.0.1:" + port;

      String metrics = body(base + "/metrics");
      for (String family : families) {
        assertThat(metrics).contains("# TYPE " + family);
      }
      // on by default, like the Python client's default collectors
      assertThat(metrics).contains("process_cpu_seconds_total", "jvm_memory_used_bytes");
      assertThat(body(base + "/health")).isEqualTo("{\"status\":\"UP\"}");

      HTTP.connectionPool().evictAll();
      jar.terminate();
      assertThat(jar.awaitExit(START)).as("exit status after SIGTERM").isZero();
      // slf4j warns when a logger was asked for while the warm-up thread configured it
      assertThat(jar.output()).as("what the service printed").doesNotContain("SLF4J(W)");
    }
  }

  private static String body(String url) throws Exception {
    try (Response response = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).as(url).isEqualTo(200);
      return response.body().string();
    }
  }
}
