package tutorial.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tutorial.commandline.ProcessStop;
import tutorial.testkit.Ports;

/**
 * A real {@code prometheus} process for one test class: its own config and a temporary data folder,
 * listening on a free 127.0.0.1 port; ready once every expected target has been scraped. Queries go
 * through the HTTP API, as Grafana's or a learner's would. {@link #close} stops the process
 * (SIGTERM, then SIGKILL) and deletes the folder; a shutdown hook stops the process if the test JVM
 * ends without calling it.
 */
final class PrometheusServer implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  /** Prometheus 2.42 applies new targets on a 5 s tick; the first scrape follows within 1 s. */
  private static final Duration TARGETS_TIMEOUT = Duration.ofSeconds(30);

  /** How long a test waits for a value: many 1 s scrapes and rule evaluations. */
  static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(20);

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int START_ATTEMPTS = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Path dir;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread shutdownHook = new Thread(this::stopProcess, "stop-prometheus");
  private Process process;
  private int port;

  private PrometheusServer(String name, Path dir, Path log) {
    this.name = name;
    this.dir = dir;
    this.log = log;
  }

  /** Starts Prometheus with a test's config and the shipped rule files it names. */
  static PrometheusServer start(String name, ScrapeConfig config, String... flags) {
    List<Path> ruleFiles = config.ruleFiles().stream().map(PrometheusFolder::file).toList();
    return start(name, config.yaml(), ruleFiles, config.targetsUp(), flags);
  }

  /**
   * Starts Prometheus with this config text, the given files copied beside it (so relative {@code
   * rule_files} resolve), and waits until {@code count(up == 1)} reaches {@code targetsUp}.
   */
  static PrometheusServer start(
      String name, String configYaml, List<Path> filesBeside, int targetsUp, String... flags) {
    Path binary = ExternalBinaries.prometheus();
    PrometheusServer server;
    try {
      Path dir = Files.createTempDirectory("prometheus-" + name + "-");
      Files.writeString(dir.resolve("prometheus.yml"), configYaml);
      for (Path file : filesBeside) {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      Path log = logDir().resolve(name + "-prometheus.log");
      Files.createDirectories(log.getParent());
      Files.deleteIfExists(log);
      server = new PrometheusServer(name, dir, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      server.launch(binary, List.of(flags));
      server.awaitTargetsUp(targetsUp);
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  /**
   * A server that something else started and stops, such as the topology's central Prometheus or
   * its VictoriaMetrics (which answers the same query API): only queried, never stopped here.
   */
  static PrometheusServer at(String name, String baseUrl) {
    PrometheusServer server = new PrometheusServer(name, null, null);
    server.port = URI.create(baseUrl).getPort();
    return server;
  }

  private void launch(Path binary, List<String> flags) {
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      port = Ports.free();
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.add("--config.file=" + dir.resolve("prometheus.yml"));
      command.add("--storage.tsdb.path=" + dir.resolve("data"));
      command.add("--web.listen-address=127.0.0.1:" + port);
      command.addAll(flags);
      try {
        process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + command, e);
      }
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      long started = System.nanoTime();
      if (awaitReady()) {
        System.out.printf(
            "Prometheus [%s] ready on %s in %d ms: %s%n",
            name, baseUrl(), millisSince(started), String.join(" ", command));
        return;
      }
      stopProcess();
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
      // another process may have taken the free port between our check and Prometheus's bind
      if (!readLog().contains("address already in use")) {
        break;
      }
    }
    throw new AssertionError("Prometheus did not become ready; its log " + log + ":\n" + readLog());
  }

  private boolean awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (get("/-/ready").statusCode() == 200) {
          return true;
        }
      } catch (IOException notListeningYet) {
        // keep polling
      }
      sleep(Duration.ofMillis(50));
    }
    return false;
  }

  private void awaitTargetsUp(int expected) {
    long started = System.nanoTime();
    long deadline = started + TARGETS_TIMEOUT.toNanos();
    int up = 0;
    while (System.nanoTime() < deadline) {
      List<PromqlSample> answer = query("count(up == 1)");
      up = answer.isEmpty() ? 0 : (int) answer.get(0).value();
      if (up == expected) {
        System.out.printf(
            "Prometheus [%s] count(up == 1) = %d after %d ms%n", name, up, millisSince(started));
        return;
      }
      sleep(POLL);
    }
    throw new AssertionError(
        "count(up == 1) is "
            + up
            + ", not "
            + expected
            + ", after "
            + TARGETS_TIMEOUT
            + "; targets:\n"
            + targetsSummary());
  }

  /** Each target's job, address, health and last error, for a failure message. */
  String targetsSummary() {
    JsonNode targets = api("/api/v1/targets").path("activeTargets");
    List<String> lines = new ArrayList<>();
    targets.forEach(
        target ->
            lines.add(
                target.path("labels").path("job").asText()
                    + " "
                    + target.path("scrapeUrl").asText()
                    + " "
                    + target.path("health").asText()
                    + " "
                    + target.path("lastError").asText()));
    return String.join("\n", lines);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** An instant query at the current time. */
  List<PromqlSample> query(String promql) {
    return samples(api("/api/v1/query?query=" + URLEncoder.encode(promql, UTF_8)));
  }

  /** An instant query at {@code time}, seconds since the epoch as Prometheus writes them. */
  List<PromqlSample> queryAt(String promql, String time) {
    return samples(
        api(
            "/api/v1/query?query="
                + URLEncoder.encode(promql, UTF_8)
                + "&time="
                + URLEncoder.encode(time, UTF_8)));
  }

  /**
   * Polls the query until its answer meets the condition (scrapes and rule evaluations come every
   * second), prints the query and the answer, and returns it.
   */
  List<PromqlSample> await(
      String promql, Predicate<List<PromqlSample>> condition, String expectation) {
    return await(promql, condition, expectation, AWAIT_TIMEOUT);
  }

  /** As {@link #await(String, Predicate, String)}, for what takes longer, such as remote writes. */
  List<PromqlSample> await(
      String promql,
      Predicate<List<PromqlSample>> condition,
      String expectation,
      Duration timeout) {
    List<PromqlSample> answer =
        poll(() -> query(promql), condition, "PromQL " + promql, expectation, timeout);
    print(promql, answer);
    return answer;
  }

  private static <T> T poll(
      Supplier<T> ask, Predicate<T> condition, String question, String expectation) {
    return poll(ask, condition, question, expectation, AWAIT_TIMEOUT);
  }

  /** Asks until the answer meets the condition, at most {@code timeout}; returns it. */
  static <T> T poll(
      Supplier<T> ask,
      Predicate<T> condition,
      String question,
      String expectation,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T answer = ask.get();
    while (!condition.test(answer)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            question
                + "\n  never answered "
                + expectation
                + " in "
                + timeout
                + "; last answer: "
                + answer);
      }
      sleep(POLL);
      answer = ask.get();
    }
    return answer;
  }

  /** Polls until the query answers one series whose value meets the condition; returns it. */
  double awaitValue(String promql, DoublePredicate condition, String expectation) {
    return await(
            promql,
            answer ->
                answer.size() == 1
                    && !answer.get(0).isHistogram()
                    && condition.test(answer.get(0).value()),
            "one value " + expectation)
        .get(0)
        .value();
  }

  /** Polls until the query answers exactly {@code expected} as its one value. */
  double awaitValue(String promql, double expected) {
    return awaitValue(promql, value -> value == expected, "= " + expected);
  }

  /** Prints an answer the test is about to check, so the CI log shows what PromQL said. */
  void print(String promql, List<PromqlSample> answer) {
    String lines =
        answer.isEmpty()
            ? "(no series)"
            : answer.stream()
                .map(PromqlSample::toString)
                .collect(Collectors.joining("\n       => "));
    System.out.printf("PromQL [%s] %s%n       => %s%n", name, promql, lines);
  }

  /**
   * Polls {@code /api/v1/query_exemplars} over the last ten minutes until one of its series meets
   * the condition; prints and returns that series: {@code {"seriesLabels": {...}, "exemplars":
   * [{"labels": {"trace_id": ...}, "value": "0.55", "timestamp": ...}]}}.
   */
  JsonNode awaitExemplars(String query, Predicate<JsonNode> condition, String expectation) {
    JsonNode answer =
        poll(
            () -> exemplars(query),
            series -> first(series, condition) != null,
            "query_exemplars " + query,
            expectation);
    JsonNode series = first(answer, condition);
    System.out.printf("query_exemplars [%s] %s%n       => %s%n", name, query, series);
    return series;
  }

  private JsonNode exemplars(String query) {
    double now = System.currentTimeMillis() / 1000.0;
    return api(
        "/api/v1/query_exemplars?query="
            + URLEncoder.encode(query, UTF_8)
            + "&start="
            + (now - 600)
            + "&end="
            + now);
  }

  private static JsonNode first(JsonNode array, Predicate<JsonNode> condition) {
    for (JsonNode element : array) {
      if (condition.test(element)) {
        return element;
      }
    }
    return null;
  }

  /**
   * The alerts the rules currently hold, pending or firing, as {@code /api/v1/alerts} lists them.
   */
  JsonNode alerts() {
    return api("/api/v1/alerts").path("alerts");
  }

  /**
   * The rule groups with each rule's health and last error, as {@code /api/v1/rules} lists them.
   */
  JsonNode ruleGroups() {
    return api("/api/v1/rules").path("groups");
  }

  private JsonNode api(String pathAndQuery) {
    try {
      HttpResponse<String> response = get(pathAndQuery);
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
        throw new AssertionError(
            "GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
      }
      return body.path("data");
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + baseUrl() + pathAndQuery, e);
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** A vector (one sample per series) or a scalar (one sample without labels). */
  private static List<PromqlSample> samples(JsonNode data) {
    List<PromqlSample> samples = new ArrayList<>();
    switch (data.path("resultType").asText()) {
      case "vector" -> data.path("result").forEach(series -> samples.add(sample(series)));
      case "scalar" ->
          samples.add(
              new PromqlSample(
                  Map.of(),
                  data.path("result").get(1).asText(),
                  data.path("result").get(0).asText(),
                  null));
      default -> throw new AssertionError("not an instant vector or scalar: " + data);
    }
    return samples;
  }

  private static PromqlSample sample(JsonNode series) {
    Map<String, String> labels = new HashMap<>();
    series.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    if (series.has("histogram")) {
      JsonNode histogram = series.path("histogram");
      return new PromqlSample(labels, null, histogram.get(0).asText(), histogram.get(1));
    }
    JsonNode value = series.path("value");
    return new PromqlSample(labels, value.get(1).asText(), value.get(0).asText(), null);
  }

  private String readLog() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** SIGTERM, as a service manager stops it; SIGKILL if it has not exited in time. */
  private void stopProcess() {
    if (process == null) {
      return;
    }
    // Prometheus starts no children, but a wrapper script named by PROMETHEUS_BIN might
    ProcessStop.stopWithDescendants(process, STOP_TIMEOUT);
  }

  @Override
  public void close() {
    if (dir == null) {
      return; // not ours to stop
    }
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotAdded) {
      // nothing to remove
    }
    deleteRecursively(dir);
    System.out.printf("Prometheus [%s] stopped; its log is %s%n", name, log);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the tests keep the Prometheus logs, so a failed CI run can still be read. */
  private static Path logDir() {
    return Path.of(System.getProperty("tutorial.e2e.logs", "target/e2e-logs")).toAbsolutePath();
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
