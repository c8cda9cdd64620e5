package tutorial.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import tutorial.testkit.HangingApi;
import tutorial.testkit.Incident;
import tutorial.testkit.JarProcess;

/**
 * {@code java -jar suite-app/target/suite-app.jar}, as {@code ./suite} starts it: five services in
 * one process, all answering, all gone after SIGTERM.
 */
class SuiteJarIT {

  private static final Duration START = Duration.ofSeconds(60);
  private static final Pattern LISTENING =
      Pattern.compile("(\\S+) +listening on http://[^:]+:(\\d+), metrics at /metrics");

  /** Each service's name and a family only it has. */
  private static final Map<String, String> FAMILIES =
      Map.of(
          "counters-app", "home_page_visits_total",
          "gauges-app", "list_size",
          "histograms-app", "request_duration_seconds",
          "summaries-app", "request_processing_seconds",
          "custom-metrics-app", "application_state");

  private static final OkHttpClient HTTP = new OkHttpClient();

  /** Starts the suite on free loopback ports and waits for its five "listening" lines. */
  private static Map<String, Integer> awaitFive(JarProcess suite) throws InterruptedException {
    suite.awaitPort(START);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Map<String, Integer> ports = new LinkedHashMap<>();
    while (ports.size() < 5 && System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(suite.output());
      while (m.find()) {
        ports.put(m.group(1), Integer.parseInt(m.group(2)));
      }
      Thread.sleep(50);
    }
    assertThat(ports.keySet())
        .as(suite.output())
        .containsExactly(
            "counters-app", "gauges-app", "histograms-app", "summaries-app", "custom-metrics-app");
    return ports;
  }

  /** The process has ended, but its last lines may still be on their way through the pipe. */
  private static void awaitOutput(JarProcess suite, String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!suite.output().contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(suite.output()).contains(text);
  }

  private static String get(int port, String path) throws IOException {
    Request request = new Request.Builder().url("http://127.0.0.1:" + port + path).build();
    try (Response response = HTTP.newCall(request).execute()) {
      assertThat(response.code()).as(path + " on " + port).isEqualTo(200);
      return response.body().string();
    }
  }

  /**
   * SIGTERM through the process handle: {@link Process#destroy} sends the same signal but also
   * closes the pipe, and with it what the suite logs while it stops.
   */
  private static void stop(JarProcess suite) {
    HTTP.connectionPool().evictAll();
    ProcessHandle.of(suite.pid()).orElseThrow().destroy();
    assertThat(suite.awaitExit(START)).as("exit status after SIGTERM").isZero();
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
              }
            })
        .as("port %d after the stop", port)
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void startsAllFiveOnTheirOwnPortsAndStopsThemAllOnSigterm() throws Exception {
    try (JarProcess suite =
        JarProcess.start("suite-app", Map.of(), "--base-port=0", "--host=127.0.0.1")) {
      Map<String, Integer> ports = awaitFive(suite);

      assertThat(ports.values()).doesNotHaveDuplicates();
      for (Map.Entry<String, Integer> service : ports.entrySet()) {
        String metrics = get(service.getValue(), "/metrics");
        assertThat(metrics)
            .as(service.getKey())
            .contains("# TYPE " + FAMILIES.get(service.getKey()));
        // each has a registry of its own: no other service's family in its scrape
        FAMILIES.forEach(
            (other, family) -> {
              if (!other.equals(service.getKey())) {
                assertThat(metrics).as(service.getKey()).doesNotContain("# TYPE " + family + " ");
              }
            });
        assertThat(get(service.getValue(), "/health")).isEqualTo("{\"status\":\"UP\"}");
      }
      // histograms-app and summaries-app are offline by default: their stand-in answers
      assertThat(get(ports.get("histograms-app"), "/repos/prometheus/prometheus"))
          .contains("\"full_name\":\"prometheus/prometheus\"");

      stop(suite);

      ports.values().forEach(SuiteJarIT::assertRefused);
      awaitOutput(suite, "INFO Suite - stopped");
      assertThat(suite.output()).contains("stopping the five services");
    }
  }

  @Test
  void trafficMovesEveryServicesMetrics() throws Exception {
    try (JarProcess suite =
        JarProcess.start(
            "suite-app",
            Map.of(),
            "--base-port=0",
            "--host=127.0.0.1",
            "--traffic",
            "--traffic-rate=60")) {
      Map<String, Integer> ports = awaitFive(suite);
      int counters = ports.get("counters-app");

      double first =
          value(get(counters, "/metrics?name[]=home_page_visits"), "home_page_visits_total");
      Thread.sleep(2500);
      double second =
          value(get(counters, "/metrics?name[]=home_page_visits"), "home_page_visits_total");

      assertThat(second).isGreaterThan(first);
      assertThat(
              value(get(counters, "/metrics?name[]=about_page_visits"), "about_page_visits_total"))
          .isPositive();
      assertThat(
              value(
                  get(ports.get("histograms-app"), "/metrics?name[]=request_duration_seconds"),
                  "request_duration_seconds_count{endpoint=\"/repos\",method=\"GET\"}"))
          .isPositive();
      assertThat(
              value(
                  get(ports.get("summaries-app"), "/metrics?name[]=request_processing_seconds"),
                  "request_processing_seconds_count{endpoint=\"/repos\",method=\"get\"}"))
          .isPositive();
      assertThat(suite.output()).contains("traffic: 60 requests/s across the five services");

      stop(suite);
      ports.values().forEach(SuiteJarIT::assertRefused);
    }
  }

  @Test
  void aThousandCallsHangingOnTheApiLeaveEveryServicesScrapePrompt() throws Exception {
    try (HangingApi api = HangingApi.start(Duration.ofSeconds(20));
        JarProcess suite =
            JarProcess.start(
                "suite-app",
                Map.of(),
                "--base-port=0",
                "--host=127.0.0.1",
                "--offline=false",
                "--github-api-url=" + api.baseUrl(),
                "--connect-timeout=1s",
                "--read-timeout=2s")) {
      Map<String, Integer> ports = awaitFive(suite);
      List<URI> probes = new ArrayList<>();
      ports
          .values()
          .forEach(port -> probes.add(URI.create("http://127.0.0.1:" + port + "/metrics")));
      int histograms = ports.get("histograms-app");
      probes.add(URI.create("http://127.0.0.1:" + histograms + "/health"));
      probes.add(
          URI.create("http://127.0.0.1:" + ports.get("summaries-app") + "/repos/apache/kafka"));
      // the suite has been scraped for a while before the API hangs
      for (int i = 0; i < 3; i++) {
        Incident.probe(probes);
      }

      Incident.Report report =
          Incident.run(
              URI.create("http://127.0.0.1:" + histograms + "/"),
              1000,
              "/repos/" + HangingApi.HANGING,
              Duration.ofMillis(500),
              probes);

      System.out.printf(
          "suite: 1000 hanging calls on histograms-app: %d x 504, %d x 503, slowest %d ms; probes"
              + " %s%n",
          report.count(504),
          report.count(503),
          report.slowestHanging().toMillis(),
          report.probes());
      assertThat(report.probes())
          .allSatisfy(
              probe -> {
                assertThat(probe.status()).as("%s", probe).isEqualTo(200);
                assertThat(probe.took()).as("%s", probe).isLessThan(Duration.ofSeconds(1));
              });
      assertThat(report.hanging())
          .allSatisfy(call -> assertThat(call.status()).as("%s", call).isIn(503, 504));
      assertThat(report.slowestHanging()).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aTakenPortStopsTheStartWithAMessageAndLeavesNothingRunning() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        JarProcess suite =
            JarProcess.start(
                "suite-app", Map.of(), "--base-port=" + taken.getLocalPort(), "--host=127.0.0.1")) {
      assertThat(suite.awaitExit(START)).isEqualTo(1);
      int moved = taken.getLocalPort() + 1000;
      assertThat(suite.output())
          .contains("counters-app: port " + taken.getLocalPort() + " is already in use.")
          .contains("SUITE_BASE_PORT=" + moved + " (or --base-port=" + moved + ")")
          .doesNotContain("listening on")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void helpListsTheSuitesOwnSettingsAndTheServicesOnes() {
    try (JarProcess suite = JarProcess.start("suite-app", Map.of(), "--help")) {
      assertThat(suite.awaitExit(START)).isZero();
      String help = suite.output().replaceAll("\\s+", " ");
      assertThat(help)
          .startsWith("Usage: suite")
          .contains("--base-port", "env SUITE_BASE_PORT, default 5001")
          .contains("--traffic", "--traffic-rate", "env TRAFFIC_RATE, default 20")
          // the suite is for learning: offline and without access log unless asked
          .contains("env OFFLINE, default true", "env REQUEST_LOG, default false")
          .contains("--buckets", "--quantiles", "--stop-timeout")
          .doesNotContain("--port=");
    }
  }

  @Test
  void aBadSettingExitsWithTwo() {
    for (List<String> args :
        List.of(List.of("--base-port=65535"), List.of("--traffic-rate=0"), List.of("--port=1"))) {
      try (JarProcess suite =
          JarProcess.start("suite-app", Map.of(), args.toArray(String[]::new))) {
        assertThat(suite.awaitExit(START)).as(args.toString()).isEqualTo(2);
        assertThat(suite.output()).contains("Try 'suite --help'").doesNotContain("Exception");
      }
    }
  }

  /** The value of the one line of {@code scrape} that starts with {@code series}. */
  private static double value(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + series + " in\n" + scrape));
  }
}
