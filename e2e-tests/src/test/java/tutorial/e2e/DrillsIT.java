package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.commandline.ProcessStop;
import tutorial.common.upstream.Drill;
import tutorial.testkit.JarProcess;
import tutorial.testkit.Ports;

/**
 * Every drill end to end, as a learner runs it: histograms-app's jar offline, a real Prometheus
 * scraping it and its stand-in (job repository-api) with the shipped rules, a real Alertmanager
 * posting to this test's webhook, and {@code ./drill}'s jar switching the fault on, sending the
 * requests and printing what Prometheus says. Each drill's query moves the expected way, its alert
 * reaches the webhook while the drill runs and resolves after it, and the service's /metrics and
 * /health answer within 1 s throughout. The drills run all at once, each with a Prometheus of its
 * own (its values are the drill's alone), all sending to one Alertmanager.
 *
 * <p>The rules are the shipped files with every duration a twentieth (5m windows 15 s, {@code for:
 * 5m} 15 s), their expressions and thresholds unchanged, so that a drill takes a minute, not
 * twenty.
 */
class DrillsIT {

  private static final int SPEED_UP = 20;
  private static final Duration DRILL_TIME = Duration.ofSeconds(40);
  private static final Duration RESOLVE_WAIT = Duration.ofSeconds(120);
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MINUTES = Pattern.compile("(\\[|for: )(\\d+)m\\b");
  private static final Pattern VALUE_LINE =
      Pattern.compile("^  \\d+:\\d\\d  (?!\\S+ (firing|pending|resolved|inactive))");

  /**
   * A drill at a grade, the alert it is for, the settings of its service, and which of ./drill's
   * printed values must move how while it runs.
   */
  record Case(
      String drill,
      String grade,
      String alert,
      Map<String, String> env,
      String value,
      String expectation,
      DoublePredicate moved) {

    /** Its Prometheus's external label, on its alerts at the webhook. */
    String id() {
      return (drill + (grade == null ? "" : "-" + grade)).replaceAll("[^a-z0-9-]", "");
    }

    List<String> words() {
      return grade == null ? List.of(drill) : List.of(drill, grade);
    }

    @Override
    public String toString() {
      return String.join(" ", words());
    }
  }

  static final List<Case> CASES =
      List.of(
          new Case(
              "slow",
              "+1s",
              "HighRequestLatency",
              Map.of(),
              "p90 of /repos (s)",
              "above 0.5 s",
              v -> v > 0.5),
          new Case(
              "errors",
              "10%",
              "HighUpstreamErrorRatio",
              Map.of(),
              "upstream error ratio",
              "0.1 within 0.03",
              v -> Math.abs(v - 0.1) <= 0.03),
          new Case(
              "errors",
              "50%",
              "HighUpstreamErrorRatio",
              Map.of(),
              "upstream error ratio",
              "0.5 within 0.05",
              v -> Math.abs(v - 0.5) <= 0.05),
          new Case(
              "hang",
              null,
              "HighUpstreamErrorRatio",
              Map.of(),
              "upstream error ratio",
              "above 0.8: nearly every call timed out",
              v -> v > 0.8),
          new Case("down", null, "ServiceDown", Map.of(), "up of the API", "0", v -> v == 0),
          new Case(
              "slow-repository",
              "prometheus/prometheus",
              "UpstreamBulkheadRejecting",
              // a share of 2 calls for one repository: the drill's traffic fills it at once
              Map.of("MAX_UPSTREAM_CALLS", "8"),
              "bulkhead rejections per s",
              "above 0",
              v -> v > 0),
          new Case(
              "flapping",
              "3s",
              "TargetFlapping",
              Map.of(),
              "its up changes in 10m",
              "4 or more",
              v -> v >= 4));

  /** What a drill's run left: ./drill's output and status, the slowest answers, the webhook's. */
  record Result(
      String output,
      int exitStatus,
      long slowestMetricsMillis,
      long slowestHealthMillis,
      Optional<Long> firedAt,
      long stoppedAt,
      Optional<Long> resolvedAt) {}

  private static final StartedResources started = new StartedResources();
  private static AlertWebhook webhook;
  private static final Map<Case, Result> results = new ConcurrentHashMap<>();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static Optional<String> skip = Optional.empty();
  private static List<Path> rules;
  private static int alertmanagerPort;

  @BeforeAll
  static void runEveryDrill() throws Exception {
    skip =
        ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS)
            .or(() -> ExternalBinaries.missing(ExternalBinaries.Binary.ALERTMANAGER));
    if (skip.isPresent()) {
      return;
    }
    webhook = AlertWebhook.start(started);
    rules = fasterRules(Files.createTempDirectory("drill-rules-"));
    alertmanagerPort = startAlertmanager(webhook.url());

    ExecutorService drills = Executors.newFixedThreadPool(CASES.size());
    try {
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (Case drill : CASES) {
        runs.add(CompletableFuture.runAsync(() -> results.put(drill, run(drill)), drills));
      }
      for (CompletableFuture<Void> run : runs) {
        try {
          run.get(6, TimeUnit.MINUTES);
        } catch (Exception e) {
          System.out.println("a drill could not run: " + e);
        }
      }
    } finally {
      drills.shutdownNow();
    }
  }

  @AfterAll
  static void stopEverything() {
    started.close();
  }

  @BeforeEach
  void skipWithoutPrometheus() {
    assumeTrue(skip.isEmpty(), skip::get);
  }

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "drill {0}")
  @MethodSource("cases")
  void itsQueryMovesItsAlertFiresAndResolvesAndTheServiceKeepsAnswering(Case drill) {
    Result result = results.get(drill);
    assertThat(result).as("the run of drill " + drill).isNotNull();
    String output = result.output();
    assertThat(result.exitStatus()).as(output).isZero();
    assertThat(output).contains("drill " + drill + " on: ");

    List<Double> values = valuesWhileOn(output, drill.value());
    assertThat(values).as("%s while the drill ran:%n%s", drill.value(), output).isNotEmpty();
    double last = values.get(values.size() - 1);
    // a ratio is read at the end, once the window holds the drill's calls alone; up at its lowest,
    // the others at their highest
    double moved =
        switch (drill.drill()) {
          case "errors", "hang" -> last;
          case "down" -> values.stream().mapToDouble(v -> v).min().orElseThrow();
          default -> values.stream().mapToDouble(v -> v).max().orElseThrow();
        };
    assertThat(drill.moved().test(moved))
        .as(
            "%s: %s, expected %s; ./drill printed:%n%s",
            drill.value(), moved, drill.expectation(), output)
        .isTrue();

    assertThat(output).contains(drill.alert() + " firing");
    assertThat(result.firedAt())
        .as("%s at the webhook while the drill ran", drill.alert())
        .hasValueSatisfying(at -> assertThat(at).isLessThan(result.stoppedAt()));
    assertThat(result.resolvedAt())
        .as("%s resolved at the webhook after the drill", drill.alert())
        .hasValueSatisfying(at -> assertThat(at).isGreaterThan(result.stoppedAt()));
    assertThat(output).contains("every alert of the drill resolved");

    assertThat(result.slowestMetricsMillis())
        .as("the slowest /metrics")
        .isLessThan(ANSWER_BOUND.toMillis());
    assertThat(result.slowestHealthMillis())
        .as("the slowest /health")
        .isLessThan(ANSWER_BOUND.toMillis());
  }

  /**
   * docs/drills.md: each drill's output, from a real run with the shipped rules, is what ./drill
   * printed here, line by line in order (lines left out as "…"), numbers and durations aside.
   */
  @Test
  void theDrillsPageShowsWhatEachDrillPrints() {
    Markdown page = Markdown.read(DocsIT.REPO.resolve("docs").resolve("drills.md"));
    // the first grade of each drill here is the one the page runs
    Map<String, Case> firstOfEach = new LinkedHashMap<>();
    CASES.forEach(c -> firstOfEach.putIfAbsent(c.drill(), c));
    int checked = 0;
    for (Case drill : firstOfEach.values()) {
      List<Markdown.Block> shown =
          page.blocks().stream()
              .filter(b -> b.section().equals(drill.drill()) && b.language().equals("text"))
              .toList();
      assertThat(shown).as("docs/drills.md, ## %s: its output", drill.drill()).isNotEmpty();
      Result result = results.get(drill);
      assertThat(result).as("the run of drill " + drill).isNotNull();
      List<String> printed = result.output().lines().map(DrillsIT::normalized).toList();
      int at = 0;
      for (String line : shown.get(0).lines()) {
        if (line.strip().equals("…")) {
          continue;
        }
        String wanted = normalized(line);
        int found = printed.subList(at, printed.size()).indexOf(wanted);
        assertThat(found)
            .as(
                "%s: the line%n  %s%nis not what ./drill %s printed after the lines before it:%n%s",
                page.where(shown.get(0)), line, drill, result.output())
            .isNotNegative();
        at += found + 1;
      }
      checked++;
    }
    assertThat(checked).as("drills shown in docs/drills.md").isEqualTo(Drill.values().length);
  }

  /** A line of ./drill's output with its durations and numbers as placeholders. */
  static String normalized(String line) {
    return line.replaceAll("\\b\\d+(?:ms|[smh])(?:\\d+(?:ms|[smh]))*\\b", "<D>")
        .replaceAll("\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?", "<N>")
        .stripTrailing();
  }

  @Test
  void noFaultCanBeSwitchedThroughTheServicesOwnPort() throws Exception {
    int drillPort = Ports.free();
    try (JarProcess service = histogramsApp(drillPort, Map.of("STAND_IN_LATENCY", "false"))) {
      int port = service.awaitPort(Duration.ofSeconds(60));
      String body = "{\"drill\":\"down\",\"for\":\"10m\"}";
      for (String method : List.of("PUT", "POST", "DELETE", "PATCH")) {
        for (String path :
            List.of("/drill", "/drill/down", "/repos/drill/down", "/metrics", "/health")) {
          HttpResponse<String> answer =
              HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                      .method(method, HttpRequest.BodyPublishers.ofString(body))
                      .header("Content-Type", "application/json")
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(answer.statusCode())
              .as("%s %s: %s", method, path, answer.body())
              .isIn(404, 405);
        }
      }
      JsonNode state =
          JSON.readTree(
              HTTP.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + drillPort + "/drill"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      assertThat(state.path("drill").isNull()).as(state.toString()).isTrue();
      assertThat(state.path("listening").asBoolean()).isTrue();
      assertThat(status(port, "/repos/prometheus/prometheus")).isEqualTo(200);
      // and the switch listens on loopback only, never where the service may: on every address
      assertThat(service.output()).contains("drills at http://127.0.0.1:" + drillPort + "/drill");
    }
  }

  @Test
  void aServiceCallingTheRealApiRefusesEveryDrillWithTheReason() throws Exception {
    try (RepositoryApi api = RepositoryApi.start()) {
      int drillPort = Ports.free();
      try (JarProcess service =
          histogramsApp(
              drillPort,
              Map.of("OFFLINE", "false", "GITHUB_API_URL", "http://127.0.0.1:" + api.port()))) {
        int port = service.awaitPort(Duration.ofSeconds(60));
        for (List<String> drill :
            List.of(List.of("slow", "+1s"), List.of("down"), List.of("stop"))) {
          List<String> args =
              new ArrayList<>(
                  List.of("--port=" + port, "--drill-port=" + drillPort, "--traffic=0"));
          args.addAll(drill);
          try (JarProcess tool =
              JarProcess.start(
                  Services.jar("drill-tool"), Path.of(""), Map.of(), args.toArray(String[]::new))) {
            assertThat(tool.awaitExit(Duration.ofSeconds(30))).as(tool.output()).isEqualTo(1);
            assertThat(tool.output())
                .contains(
                    "drill: drills break the offline stand-in, and this service calls the real"
                        + " repository API at http://127.0.0.1:"
                        + api.port()
                        + ": start it with OFFLINE=true to drill");
          }
        }
        long start = System.nanoTime();
        assertThat(status(port, "/repos/prometheus/prometheus")).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      }
    }
  }

  /** histograms-app's jar, offline on a free port unless {@code env} says otherwise. */
  private static JarProcess histogramsApp(int drillPort, Map<String, String> env) {
    Map<String, String> all = new HashMap<>();
    all.put("OFFLINE", "true");
    all.put("PORT", "0");
    all.put("DRILL_PORT", String.valueOf(drillPort));
    all.putAll(env);
    return JarProcess.start(Services.jar("histograms-app"), Path.of(""), all);
  }

  /** One drill from its service's start to its alerts resolved at the webhook. */
  private static Result run(Case drill) {
    int drillPort = Ports.free();
    Map<String, String> env = new HashMap<>();
    env.put("STAND_IN_LATENCY", "false");
    env.put("READ_TIMEOUT", "3s");
    env.put("REQUEST_LOG", "false");
    env.put("TRACING", "false");
    env.putAll(drill.env());
    try (JarProcess service = histogramsApp(drillPort, env)) {
      int port = service.awaitPort(Duration.ofSeconds(60));
      try (PrometheusServer prometheus =
          PrometheusServer.start("drill-" + drill.id(), config(drill, port, drillPort), rules, 2)) {
        return drill(drill, port, drillPort, prometheus);
      }
    }
  }

  private static Result drill(Case drill, int port, int drillPort, PrometheusServer prometheus) {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong slowestMetrics = new AtomicLong();
    AtomicLong slowestHealth = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                slowestMetrics.accumulateAndGet(millisOf(port, "/metrics"), Math::max);
                slowestHealth.accumulateAndGet(millisOf(port, "/health"), Math::max);
                PrometheusServer.sleep(Duration.ofMillis(200));
              }
            },
            "answers-" + drill.id());
    sampler.start();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--port=" + port,
                "--drill-port=" + drillPort,
                "--prometheus=" + prometheus.baseUrl(),
                "--for=" + DRILL_TIME.toSeconds() + "s",
                "--every=1s",
                "--resolve-wait=" + RESOLVE_WAIT.toSeconds() + "s"));
    args.addAll(drill.words());
    long stoppedAt = 0;
    String output;
    int status;
    try (JarProcess tool =
        JarProcess.start(
            Services.jar("drill-tool"), Path.of(""), Map.of(), args.toArray(String[]::new))) {
      long deadline = System.nanoTime() + DRILL_TIME.plus(RESOLVE_WAIT).plusSeconds(30).toNanos();
      while (ProcessHandle.of(tool.pid()).map(ProcessHandle::isAlive).orElse(false)
          && System.nanoTime() < deadline) {
        if (stoppedAt == 0 && tool.output().contains("drill " + drill.drill() + " stopped at ")) {
          stoppedAt = System.nanoTime();
        }
        PrometheusServer.sleep(Duration.ofMillis(100));
      }
      status = tool.awaitExit(Duration.ofSeconds(5));
      output = tool.output();
    } finally {
      running.set(false);
    }
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.out.printf(
        "./drill %s printed:%n%s%nslowest answers during the drill: /metrics %d ms, /health %d ms%n",
        drill, output, slowestMetrics.get(), slowestHealth.get());
    // Alertmanager posts a resolved alert after its group_interval
    long resolveDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (webhook.first(drill.alert(), "drill_case", drill.id(), false).isEmpty()
        && System.nanoTime() < resolveDeadline) {
      PrometheusServer.sleep(Duration.ofMillis(200));
    }
    return new Result(
        output,
        status,
        slowestMetrics.get(),
        slowestHealth.get(),
        webhook
            .first(drill.alert(), "drill_case", drill.id(), true)
            .map(AlertWebhook.Alert::receivedAt),
        stoppedAt == 0 ? Long.MAX_VALUE : stoppedAt,
        webhook
            .first(drill.alert(), "drill_case", drill.id(), false)
            .map(AlertWebhook.Alert::receivedAt));
  }

  /**
   * A Prometheus for one drill: the service as job tutorial and its stand-in as job repository-api,
   * as ./scrape has them, every second; the faster rules; alerts to the one Alertmanager, with the
   * drill's name on them.
   */
  private static String config(Case drill, int port, int drillPort) {
    return String.join(
        "\n",
        "global:",
        "  scrape_interval: 1s",
        "  scrape_timeout: 1s",
        "  evaluation_interval: 1s",
        "  external_labels:",
        "    drill_case: " + drill.id(),
        "rule_files:",
        "  - recording_rules.yml",
        "  - alerting_rules.yml",
        "alerting:",
        "  alertmanagers:",
        "    - static_configs:",
        "        - targets: ['127.0.0.1:" + alertmanagerPort + "']",
        "scrape_configs:",
        "  - job_name: tutorial",
        "    static_configs:",
        "      - targets: ['127.0.0.1:" + port + "']",
        "  - job_name: repository-api",
        "    static_configs:",
        "      - targets: ['127.0.0.1:" + drillPort + "']",
        "");
  }

  /** The shipped rule files, every duration in minutes a twentieth: [5m] is [15s], for: 2m 6s. */
  static List<Path> fasterRules(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String name : List.of(PrometheusFolder.RECORDING_RULES, PrometheusFolder.ALERTING_RULES)) {
      String shipped = Files.readString(PrometheusFolder.file(name));
      Matcher m = MINUTES.matcher(shipped);
      StringBuilder faster = new StringBuilder();
      int changed = 0;
      while (m.find()) {
        long seconds = Long.parseLong(m.group(2)) * 60 / SPEED_UP;
        m.appendReplacement(faster, Matcher.quoteReplacement(m.group(1) + seconds + "s"));
        changed++;
      }
      m.appendTail(faster);
      assertThat(changed).as("durations in %s", name).isPositive();
      files.add(Files.writeString(dir.resolve(name), faster));
    }
    return files;
  }

  /** Alertmanager posting every alert, and its resolution, to the webhook within a second. */
  private static int startAlertmanager(String webhook) throws IOException {
    Path dir = Files.createTempDirectory("drill-alertmanager-");
    Path config =
        Files.writeString(
            dir.resolve("alertmanager.yml"),
            String.join(
                "\n",
                "route:",
                "  receiver: test",
                "  group_by: [alertname, drill_case]",
                "  group_wait: 1s",
                "  group_interval: 1s",
                "  repeat_interval: 1h",
                "receivers:",
                "  - name: test",
                "    webhook_configs:",
                "      - url: " + webhook,
                "        send_resolved: true",
                ""));
    int port = Ports.free();
    Process process =
        new ProcessBuilder(
                ExternalBinaries.path(ExternalBinaries.Binary.ALERTMANAGER).toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    started.add(() -> ProcessStop.stop(process, Duration.ofSeconds(10)));
    started.expectFreed(port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (status(port, "/-/ready") == 200) {
        return port;
      }
      PrometheusServer.sleep(Duration.ofMillis(100));
    }
    throw new AssertionError(
        "Alertmanager did not become ready: " + Files.readString(dir.resolve("alertmanager.log")));
  }

  private static int status(int port, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** How long {@code path} took to answer 200, or a very long time when it did not. */
  private static long millisOf(int port, String path) {
    long start = System.nanoTime();
    int status = status(port, path);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return status == 200 ? millis : Long.MAX_VALUE / 2;
  }

  /** The values ./drill printed for {@code name} while the drill ran, in order. */
  static List<Double> valuesWhileOn(String output, String name) {
    List<Double> values = new ArrayList<>();
    Pattern value = Pattern.compile(Pattern.quote(name) + " (\\S+)");
    for (String line : output.split("\n")) {
      if (line.startsWith("drill ") && line.contains(" stopped at ")) {
        break;
      }
      Matcher m = value.matcher(line);
      if (VALUE_LINE.matcher(line).find() && m.find() && !m.group(1).equals("-")) {
        values.add(Double.parseDouble(m.group(1)));
      }
    }
    return values;
  }
}
