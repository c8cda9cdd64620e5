package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tutorial.testkit.JarProcess;
import tutorial.topology.Topology;

/**
 * The multi-instance topology of docs/beyond-one-machine.md, started as {@code ./topology} starts
 * it, with the shipped configs of prometheus/topology/ (on free ports): two instances each of
 * histograms-app and summaries-app, one per region, behind two Prometheus agents that remote-write
 * to a central Prometheus and to VictoriaMetrics; the central one's alerts go through Alertmanager
 * to this test's own webhook. The test drives known latencies through the stand-in API, then checks
 * what a team relies on: both stores hold every region's series; a histogram's p90 aggregated over
 * every instance is the same in both and where the driven latencies put it; a new target is found
 * without a restart; a killed one fires ServiceDown all the way to the webhook; and nothing is left
 * running afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyIT {

  /** Remote writes are sent in batches: the first samples reach the stores within about 15 s. */
  private static final Duration REMOTE_WRITE = Duration.ofSeconds(60);

  /** ServiceDown's "for: 1m", a 5 s scrape and evaluation, and Alertmanager's 10 s group_wait. */
  private static final Duration ALERT = Duration.ofSeconds(150);

  private static final Duration START = Duration.ofSeconds(60);

  /** Per region: how many calls of each latency each of its instances gets. */
  private static final int EU_FAST = 10;

  private static final int US_FAST = 6;
  private static final int US_SLOW = 4;
  private static final int WARM_UP = 3;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();

  private static final StartedResources started = new StartedResources();
  private static AlertWebhook webhook;
  private static Topology topology;
  private static PrometheusServer central;
  private static PrometheusServer victoria;
  private static JsonNode targets;
  private static JarProcess added;
  private static String addedAddress;
  private static Optional<String> skip = Optional.empty();

  @BeforeAll
  static void startTheTopology() throws IOException {
    skip =
        ExternalBinaries.missing(ExternalBinaries.Binary.PROMETHEUS)
            .or(() -> ExternalBinaries.missing(ExternalBinaries.Binary.VICTORIA_METRICS))
            .or(() -> ExternalBinaries.missing(ExternalBinaries.Binary.ALERTMANAGER));
    if (skip.isPresent()) {
      return;
    }
    RepositoryApi api = started.add(RepositoryApi.start());
    started.expectFreed(api.port());
    webhook = AlertWebhook.start(started);

    topology =
        started.add(
            Topology.start(
                new Topology.Plan(
                    PrometheusFolder.dir(),
                    Services.jar("suite-app"),
                    null,
                    2,
                    false,
                    Topology.Ports.free(),
                    webhook.url(),
                    List.of(
                        "--services=histograms-app,summaries-app",
                        "--offline=false",
                        "--github-api-url=http://127.0.0.1:" + api.port(),
                        "--quantiles=true"))));
    for (Topology.Part part :
        List.of(
            Topology.Part.CENTRAL, Topology.Part.VICTORIA_METRICS, Topology.Part.ALERTMANAGER)) {
      started.expectFreed(URI.create(topology.url(part)).getPort());
    }
    topology.agents().values().forEach(url -> started.expectFreed(URI.create(url).getPort()));
    central = PrometheusServer.at("central", topology.url(Topology.Part.CENTRAL));
    victoria =
        PrometheusServer.at("victoria-metrics", topology.url(Topology.Part.VICTORIA_METRICS));
    targets = JSON.readTree(topology.targetsFile().toFile());
    targets.forEach(group -> started.expectFreed(port(group)));
  }

  @AfterAll
  static void stopEverything() {
    List<ProcessHandle> processes = topology == null ? List.of() : topology.processes();
    started.close(); // and every port of the topology, its instances and this test is free again
    assertThat(processes).isNotEmpty().noneMatch(ProcessHandle::isAlive);
  }

  @BeforeEach
  void skipWithoutTheServers() {
    assumeTrue(skip.isEmpty(), skip::get);
  }

  @Test
  @Order(1)
  void eachAgentsScrapesReachBothStoresWithItsRegion() {
    Map<String, List<String>> expected = new TreeMap<>();
    for (JsonNode group : targets) {
      expected
          .computeIfAbsent(group.path("labels").path("region").asText(), r -> new ArrayList<>())
          .add(group.path("targets").get(0).asText());
    }
    assertThat(expected).containsOnlyKeys("eu", "us");
    assertThat(topology.agents()).containsOnlyKeys("eu", "us");

    for (PrometheusServer store : List.of(central, victoria)) {
      List<PromqlSample> up =
          store.await(
              "up{job=~\"histograms|summaries\"} == 1",
              answer -> answer.size() == targets.size(),
              "every instance up, with its region",
              REMOTE_WRITE);
      Map<String, List<String>> found = new TreeMap<>();
      for (PromqlSample sample : up) {
        found
            .computeIfAbsent(sample.label("region"), r -> new ArrayList<>())
            .add(sample.label("instance"));
      }
      found.values().forEach(list -> list.sort(null));
      expected.values().forEach(list -> list.sort(null));
      assertThat(found).as(store + ": instances by region").isEqualTo(expected);
    }
  }

  @Test
  @Order(2)
  void theAggregatedP90IsTheSameInBothStoresAndWhereTheDrivenLatenciesPutIt() throws Exception {
    // a fresh JVM's first calls load classes and run interpreted, which can push them into a
    // later bucket: a few calls that the stand-in answers at once come first, and the buckets
    // after them are the baseline of the known latencies
    Function<String, List<String>> warmUp = region -> Collections.nCopies(WARM_UP, "warm/up");
    int calls = call("histograms", warmUp) + call("summaries", warmUp);
    Map<Double, Double> before = histogramsBuckets();
    calls +=
        call("histograms", TopologyIT::drivenCalls) + call("summaries", TopologyIT::drivenCalls);
    int perService = calls / 2;
    String count = "sum(request_duration_seconds_count)";
    awaitRemoteWrite(central, count, perService); // every instance's last scrape has arrived ...
    awaitRemoteWrite(victoria, count, perService); // ... in both stores

    String p90 = "histogram_quantile(0.9, sum by (le) (request_duration_seconds_bucket))";
    double inCentral = central.awaitValue(p90, v -> v > 0, "> 0");
    double inVictoria = victoria.awaitValue(p90, v -> v > 0, "> 0");
    assertThat(inVictoria).isCloseTo(inCentral, within(1e-9));

    // what the instances themselves observed, summed over all of them, gives the same p90
    Map<Double, Double> buckets = histogramsBuckets();
    assertThat(inCentral).isCloseTo(quantile(0.9, buckets), within(1e-9));
    // the driven latencies' 90th percentile is a slow call's 550 ms: in the bucket (0.5, 0.75],
    // which got exactly the slow calls
    assertThat(inCentral).isGreaterThan(0.5).isLessThanOrEqualTo(0.75);
    assertThat(added(before, buckets, 0.5, 0.75)).isEqualTo(US_SLOW);
    // (and the fast ones below 0.5 s: 150 ms, with room for a busy machine's delays)
    assertThat(added(before, buckets, 0.1, 0.5)).isEqualTo(EU_FAST + US_FAST);

    // per region, and what a rate over the last minute gives in each store (printed for the docs)
    central.print(
        "histogram_quantile(0.9, sum by (region, le) (request_duration_seconds_bucket))",
        central.query(
            "histogram_quantile(0.9, sum by (region, le) (request_duration_seconds_bucket))"));
    for (PrometheusServer store : List.of(central, victoria)) {
      String rate =
          "histogram_quantile(0.9, sum by (le) (rate(request_duration_seconds_bucket[1m])))";
      store.print(rate, store.query(rate));
    }

    // a summary's quantiles cannot be summed: their average is not the p90 of all calls
    // once every summaries-app instance's scrape after the calls has arrived: a quantile read
    // earlier is one that saw only the warm-up calls
    awaitRemoteWrite(central, "sum(request_processing_seconds_count)", perService);
    String quantiles = "request_processing_seconds{quantile=\"0.9\"}";
    List<PromqlSample> perInstance =
        central.await(quantiles, a -> a.size() == 2, "one per instance");
    double average = central.awaitValue("avg(" + quantiles + ")", v -> v > 0, "> 0");
    assertThat(perInstance)
        .extracting(s -> s.label("region") + "=" + (s.value() > 0.5 ? "slow" : "fast"))
        .containsExactlyInAnyOrder("eu=fast", "us=slow");
    assertThat(average).as("the average of two instances' p90").isLessThan(0.5);
  }

  @Test
  @Order(3)
  void anInstanceAddedToTheTargetFileIsScrapedWithoutARestart() throws Exception {
    added =
        started.add(
            JarProcess.start(
                Services.jar("histograms-app"),
                DocsIT.REPO,
                Map.of(),
                "--port=0",
                "--host=127.0.0.1",
                "--offline=true",
                "--request-log=false"));
    int port = added.awaitPort(START);
    started.expectFreed(port);
    addedAddress = "127.0.0.1:" + port;

    ArrayNode groups = (ArrayNode) JSON.readTree(topology.targetsFile().toFile());
    ObjectNode group = groups.addObject();
    group.putArray("targets").add(addedAddress);
    group.putObject("labels").put("job", "histograms").put("region", "us");
    Path next = Files.createTempFile(topology.targetsFile().getParent(), "suite", ".tmp");
    JSON.writeValue(next.toFile(), groups);
    Files.move(next, topology.targetsFile(), StandardCopyOption.ATOMIC_MOVE);

    for (PrometheusServer store : List.of(central, victoria)) {
      store.await(
          "up{instance=\"" + addedAddress + "\", region=\"us\", job=\"histograms\"} == 1",
          answer -> answer.size() == 1,
          "the new instance up in region us",
          REMOTE_WRITE);
    }
  }

  @Test
  @Order(4)
  void aKilledInstanceMakesUpZeroAndServiceDownReachesTheWebhook() {
    assertThat(added).as("the instance added by the test before").isNotNull();
    // SIGKILL: no graceful stop, as in a crash
    ProcessHandle.of(added.pid()).ifPresent(ProcessHandle::destroyForcibly);

    String up = "up{instance=\"" + addedAddress + "\"}";
    central.await(
        up, answer -> answer.size() == 1 && answer.get(0).value() == 0, "0", REMOTE_WRITE);
    JsonNode alert =
        PrometheusServer.poll(
                TopologyIT::serviceDownOfTheKilledInstance,
                Optional::isPresent,
                "the webhook's notifications",
                "a firing ServiceDown for " + addedAddress,
                ALERT)
            .orElseThrow();
    System.out.println("ServiceDown at the webhook: " + alert);
    assertThat(alert.path("labels").path("region").asText()).isEqualTo("us");
    assertThat(alert.path("labels").path("job").asText()).isEqualTo("histograms");
    assertThat(alert.path("annotations").path("summary").asText())
        .isEqualTo("histograms at " + addedAddress + " is down");
  }

  private static Optional<JsonNode> serviceDownOfTheKilledInstance() {
    return webhook
        .first("ServiceDown", "instance", addedAddress, true)
        .map(AlertWebhook.Alert::json);
  }

  /**
   * Calls every instance of the job at once, each with the repositories {@code calls} gives for its
   * region, one after the other; returns how many calls were made.
   */
  private static int call(String job, Function<String, List<String>> calls) throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (JsonNode group : targets) {
        if (!group.path("labels").path("job").asText().equals(job)) {
          continue;
        }
        int port = port(group);
        List<String> repositories = calls.apply(group.path("labels").path("region").asText());
        done.add(
            pool.submit(
                () -> {
                  for (String repository : repositories) {
                    assertThat(get(port, "/repos/" + repository)).contains("full_name");
                  }
                  return repositories.size();
                }));
      }
      int made = 0;
      for (Future<Integer> instance : done) {
        made += instance.get();
      }
      return made;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The known latencies: in region eu only fast calls (150 ms, in the bucket (0.1, 0.25]), in
   * region us fast ones and then slow ones (550 ms, in (0.5, 0.75]).
   */
  private static List<String> drivenCalls(String region) {
    List<String> calls = new ArrayList<>();
    boolean eu = region.equals("eu");
    calls.addAll(Collections.nCopies(eu ? EU_FAST : US_FAST, "prometheus/prometheus"));
    calls.addAll(Collections.nCopies(eu ? 0 : US_SLOW, "moby/moby"));
    return calls;
  }

  /** The cumulative bucket counts summed over every instance of histograms-app, by bound. */
  private static Map<Double, Double> histogramsBuckets() throws IOException {
    Map<Double, Double> buckets = new TreeMap<>();
    for (JsonNode group : targets) {
      if (group.path("labels").path("job").asText().equals("histograms")) {
        scrapeBuckets(port(group)).forEach((le, n) -> buckets.merge(le, n, Double::sum));
      }
    }
    return buckets;
  }

  /** How many observations the bucket (lower, upper] got between two cumulative readings. */
  private static double added(
      Map<Double, Double> before, Map<Double, Double> after, double lower, double upper) {
    return (after.get(upper) - after.get(lower)) - (before.get(upper) - before.get(lower));
  }

  /** Polls until the one value is {@code expected}: remote writes come in batches. */
  private static void awaitRemoteWrite(PrometheusServer store, String promql, double expected) {
    store.await(
        promql,
        answer -> answer.size() == 1 && answer.get(0).value() == expected,
        "= " + expected,
        REMOTE_WRITE);
  }

  /** The cumulative bucket counts of one instance's histogram, by upper bound. */
  private static Map<Double, Double> scrapeBuckets(int port) throws IOException {
    Map<Double, Double> buckets = new TreeMap<>();
    for (String line : get(port, "/metrics").lines().toList()) {
      if (line.startsWith("request_duration_seconds_bucket{")) {
        String le = line.replaceAll(".*le=\"([^\"]+)\".*", "$1");
        if (!le.equals("+Inf")) {
          double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          buckets.merge(Double.parseDouble(le), value, Double::sum);
        }
      }
    }
    return buckets;
  }

  /**
   * histogram_quantile's linear interpolation inside the bucket that holds the rank, as Prometheus
   * computes it (the lowest bucket's lower bound taken as 0).
   */
  static double quantile(double q, Map<Double, Double> cumulative) {
    List<Map.Entry<Double, Double>> buckets = new ArrayList<>(cumulative.entrySet());
    double total = buckets.get(buckets.size() - 1).getValue();
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> bucket : buckets) {
      if (bucket.getValue() >= rank) {
        return lowerBound
            + (bucket.getKey() - lowerBound)
                * (rank - lowerCount)
                / (bucket.getValue() - lowerCount);
      }
      lowerBound = bucket.getKey();
      lowerCount = bucket.getValue();
    }
    throw new AssertionError("no bucket holds rank " + rank + ": " + cumulative);
  }

  private static int port(JsonNode group) {
    String address = group.path("targets").get(0).asText();
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  private static String get(int port, String path) throws IOException {
    Request request = new Request.Builder().url("http://127.0.0.1:" + port + path).build();
    try (Response response = HTTP.newCall(request).execute()) {
      assertThat(response.code()).as("%s on %d", path, port).isEqualTo(200);
      return response.body().string();
    }
  }
}
