package tutorial.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tutorial.common.TutorialApp;
import tutorial.steps.TutorialSteps;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * {@code ./compare} on real services, started in the test on free loopback ports, and on saved
 * scrapes: what it shows, and the exit status a script can rely on.
 */
class CompareCommandTest {

  private static final String PROTOBUF_ACCEPT = Format.protobuf.accept();

  @TempDir Path dir;

  private final List<RunningService> services = new ArrayList<>();

  @AfterEach
  void stop() {
    services.forEach(RunningService::close);
  }

  /** What the command printed and the status it exited with. */
  record Run(int status, String out, String err) {}

  private static Run compare(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = CompareCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int status = command.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  /**
   * A service with one metric of each type, whose routes change them by known amounts, so that
   * values are deterministic: {@code /visit}, {@code /size/{n}}, {@code /observe/{seconds}}, {@code
   * /state/{state}}.
   */
  private RunningService start() {
    RunningService service = RunningService.start(CompareCommandTest::everyType);
    services.add(service);
    return service;
  }

  private static TutorialApp everyType(PrometheusRegistry registry) {
    Counter visits =
        Counter.builder().name("page_visits").help("Number of visits").register(registry);
    Gauge size =
        Gauge.builder()
            .name("list_size")
            .help("Size of a list")
            .labelNames("list")
            .register(registry);
    Histogram duration =
        Histogram.builder()
            .name("request_duration_seconds")
            .help("Time taken to process a request")
            .labelNames("method", "endpoint")
            .classicUpperBounds(0.1, 0.5, 1)
            .classicOnly()
            .register(registry);
    Summary processing =
        Summary.builder()
            .name("request_processing_seconds")
            .help("Time spent processing request")
            .labelNames("method", "endpoint")
            .register(registry);
    Info.builder()
        .name("application_info")
        .help("Application information")
        .labelNames("version")
        .register(registry)
        .setLabelValues("1.0");
    StateSet state =
        StateSet.builder()
            .name("application_state")
            .help("Application state")
            .states("running", "stopped")
            .register(registry);
    state.setTrue("running");
    size.labelValues("my_list").set(0);
    // series exist from the start, as in the apps
    duration.labelValues("GET", "/repos");
    processing.labelValues("get", "/repos");
    return routes -> {
      RunningService.metricsOnly(registry).addRoutes(routes);
      routes.get("/visit", ctx -> visits.inc());
      routes.get(
          "/size/{n}",
          ctx -> size.labelValues("my_list").set(Double.parseDouble(ctx.pathParam("n"))));
      routes.get(
          "/observe/{seconds}",
          ctx -> {
            double seconds = Double.parseDouble(ctx.pathParam("seconds"));
            duration.labelValues("GET", "/repos").observe(seconds);
            processing.labelValues("get", "/repos").observe(seconds);
          });
    };
  }

  private static String url(RunningService service) {
    return service.url("/metrics").toString();
  }

  private Path save(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void twoServicesInTheSameStateAreTheSame() {
    RunningService one = start();
    RunningService two = start();
    one.get("/visit");
    two.get("/visit");

    Run run = compare(url(one), url(two));

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("[1] " + url(one) + "  (text 0.0.4)")
        .contains("[2] " + url(two) + "  (text 0.0.4)")
        .contains("--- page_visits_total ---")
        .contains("  type    counter")
        .contains("  help    Number of visits")
        .containsPattern("page_visits_total +1\\.0 +1\\.0\n")
        .contains("6 families compared: 6 same, 0 differ.")
        // the JVM metrics each service carries are noise here
        .containsPattern("\\d+ runtime families \\(process_\\*, jvm_\\*, python_\\*\\) left out")
        .doesNotContain("jvm_memory");
  }

  @Test
  void aCounterThatMovedIsADifferenceAndExitsWithOne() {
    RunningService one = start();
    RunningService two = start();
    one.get("/visit");
    two.get("/visit");
    two.get("/visit");

    Run run = compare(url(one), url(two));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("--- page_visits_total -+ DIFFERS\n")
        .containsPattern("  page_visits_total +1\\.0 +2\\.0 +!=\n")
        .containsPattern("--- list_size -+ same\n")
        .contains("6 families compared: 5 same, 1 differs: page_visits_total");
  }

  @Test
  void aFamilyOnlyOneSideHasIsMissingOnTheOther() throws IOException {
    RunningService service = start();
    Path saved =
        save(
            "gauge.txt",
            """
            # HELP list_size Size of a list
            # TYPE list_size gauge
            list_size{list="my_list"} 0.0
            """);

    Run run =
        compare("--name", "list_size", "--name", "page_visits", url(service), saved.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("--- page_visits_total -+ MISSING in \\[2\\]\n")
        .containsPattern("  page_visits_total +0\\.0 +-\n")
        .containsPattern("--- list_size -+ same\n");
  }

  @Test
  void theFormatsOfOneServiceDifferInNamesAndTypesButNotInTheirSeries() {
    RunningService service = start();
    service.get("/visit");
    service.get("/observe/0.3");
    service.get("/observe/0.7");

    Run run = compare("--formats", url(service));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .contains("[1] " + url(service) + "  (text 0.0.4)")
        .contains("[2] " + url(service) + "  (OpenMetrics 1.0)")
        .contains("[3] " + url(service) + "  (protobuf)")
        // OpenMetrics names a counter without _total, an info without _info ...
        .containsPattern(
            "  name +!=\n      \\[1] page_visits_total\n      \\[2] page_visits\n"
                + "      \\[3] page_visits_total\n")
        .containsPattern("--- application_info -+ DIFFERS\n")
        .containsPattern("      \\[2\\] application\n")
        // ... and calls the info and the state set by their own types
        .containsPattern("  type +gauge +info +gauge +!=\n")
        .containsPattern("  type +gauge +stateset +gauge +!=\n")
        // the same series with the same values in all three; protobuf writes doubles
        .containsPattern("  application_state\\{application_state=\"running\"} +1 +1 +1\\.0\n")
        .containsPattern("  request_duration_seconds_bucket\\{le=\"0\\.5\"} +1 +1 +1\n")
        .containsPattern("  request_duration_seconds_bucket\\{le=\"\\+Inf\"} +2 +2 +2\n")
        .containsPattern("  request_processing_seconds_count +2 +2 +2\n")
        .contains("labels  endpoint=\"/repos\",method=\"GET\"  (on every series below)")
        .containsPattern("--- list_size -+ same\n")
        .containsPattern("--- request_duration_seconds -+ same\n")
        .containsPattern("--- request_processing_seconds -+ same\n");
    // no series line differs between the formats, only the names and types above
    assertThat(run.out().lines().filter(l -> l.endsWith("!=")))
        .allMatch(l -> l.startsWith("  name") || l.startsWith("  type"));
  }

  @Test
  void onlyProtobufCarriesANativeHistogram() {
    RunningService service =
        RunningService.start(
            registry -> {
              // client_java's default: classic buckets and a native histogram
              Histogram.builder()
                  .name("both_seconds")
                  .help("Classic and native")
                  .classicUpperBounds(0.5)
                  .register(registry)
                  .observe(0.3);
              return RunningService.metricsOnly(registry);
            });
    services.add(service);

    Run run = compare("--formats", "-n", "both_seconds", url(service));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("  both_seconds_bucket\\{le=\"0\\.5\"} +1 +1 +1\n")
        .containsPattern("  \\[native] schema +- +- +\\d+ +!=\n")
        .containsPattern("  \\[native] buckets in use +- +- +1 +!=\n");
  }

  @Test
  void durationsVaryFromRunToRunAndAreComparedOnlyWhenExact() {
    RunningService one = start();
    RunningService two = start();
    one.get("/observe/0.3");
    two.get("/observe/0.4");

    Run run = compare("--name", "request_*", url(one), url(two));
    Run exact = compare("--name", "request_*", "--exact", url(one), url(two));

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .containsPattern("  request_duration_seconds_sum +0\\.3 +0\\.4 +~\n")
        .containsPattern("  request_processing_seconds_sum +0\\.3 +0\\.4 +~\n")
        .contains("2 families compared: 2 same, 0 differ.")
        .contains("~ marks values that vary from run to run (durations)");
    assertThat(exact.status()).isEqualTo(1);
    assertThat(exact.out())
        .containsPattern("  request_duration_seconds_sum +0\\.3 +0\\.4 +!=\n")
        .contains("2 families compared: 0 same, 2 differ");
  }

  @Test
  void aToleranceOrVariesLetsCloseValuesPass() {
    RunningService one = start();
    RunningService two = start();
    one.get("/size/100");
    two.get("/size/103");

    assertThat(compare("-n", "list_size", url(one), url(two)).status()).isEqualTo(1);
    assertThat(compare("-n", "list_size", "--tolerance", "0.05", url(one), url(two)).status())
        .isZero();
    assertThat(compare("-n", "list_size", "--tolerance", "0.01", url(one), url(two)).status())
        .isEqualTo(1);
    assertThat(compare("-n", "list_size", "--varies", "list_*", url(one), url(two)).status())
        .isZero();
  }

  @Test
  void aServiceMatchesAnExpectedScrapeWithNumberPlaceholders() throws IOException {
    RunningService service = start();
    service.get("/observe/0.3");
    Path expected =
        save(
            "after-one-call.txt",
            """
            # HELP request_duration_seconds Time taken to process a request
            # TYPE request_duration_seconds histogram
            request_duration_seconds_bucket{endpoint="/repos",method="GET",le="0.1"} 0
            request_duration_seconds_bucket{endpoint="/repos",method="GET",le="0.5"} 1
            request_duration_seconds_bucket{endpoint="/repos",method="GET",le="1.0"} 1
            request_duration_seconds_bucket{endpoint="/repos",method="GET",le="+Inf"} 1
            request_duration_seconds_count{endpoint="/repos",method="GET"} 1
            request_duration_seconds_sum{endpoint="/repos",method="GET"} <NUMBER>
            """);

    Run run = compare("--expected", expected.toString(), "--exact", url(service));

    // only the expected file's families count; <NUMBER> matches the sum even with --exact
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("[1] expected: " + expected + "  (text 0.0.4)")
        .containsPattern("  request_duration_seconds_sum +<NUMBER> +0\\.3\n")
        .contains("1 family compared: 1 same, 0 differ.");

    service.get("/observe/0.05");
    Run later = compare("--expected", expected.toString(), url(service));

    assertThat(later.status()).isEqualTo(1);
    assertThat(later.out())
        .containsPattern("  request_duration_seconds_bucket\\{le=\"0\\.1\"} +0 +1 +!=\n")
        .containsPattern("  request_duration_seconds_count +1 +2 +!=\n");
  }

  @Test
  void anOpenMetricsExpectedFileAsksTheServiceForOpenMetrics() throws IOException {
    RunningService service = start();
    Path expected =
        save(
            "at-start.openmetrics.txt",
            """
            # TYPE application info
            # HELP application Application information
            application_info{version="1.0"} 1
            # EOF
            """);

    Run run = compare("-e", expected.toString(), url(service));

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("[2] " + url(service) + "  (OpenMetrics 1.0)");
  }

  @Test
  void savedProtobufAndTextScrapesOfOneMomentAreTheSameSeries() throws IOException {
    RunningService service = start();
    service.get("/visit");
    service.get("/observe/0.2");
    Path text = dir.resolve("scrape.txt");
    Path protobuf = dir.resolve("scrape.pb");
    Files.write(text, service.get("/metrics").body());
    Files.write(protobuf, service.get("/metrics", "Accept", PROTOBUF_ACCEPT).body());

    Run run = compare("--exact", text.toString(), protobuf.toString());

    assertThat(run.out()).contains("[2] " + protobuf + "  (protobuf)");
    // the info's and state set's types are gauges in both; only the values' spelling differs
    assertThat(run.status()).as(run.out()).isZero();
    assertThat(run.out())
        .containsPattern("  page_visits_total +1\\.0 +1\\.0\n")
        .containsPattern("  request_processing_seconds_sum +0\\.2 +0\\.2\n");
  }

  @Test
  void runtimeFamiliesAreComparedWhenNamed() {
    RunningService one = start();
    RunningService two = start();

    Run named = compare("--name", "jvm_runtime_info", url(one), url(two));
    Run all = compare("--all", "-q", url(one), url(two));

    assertThat(named.status()).isZero();
    assertThat(named.out()).containsPattern("--- jvm_runtime_info -+ same\n");
    // JVM metrics of two services in one JVM still move between two scrapes
    assertThat(all.out())
        .doesNotContain("runtime families")
        .containsPattern("^\\d{2,} families compared");
  }

  @Test
  void quietPrintsTheVerdictAndDifferencesOnlyLeavesOutTheSame() {
    RunningService one = start();
    RunningService two = start();
    two.get("/visit");

    Run quiet = compare("-q", url(one), url(two));
    Run differences = compare("-d", url(one), url(two));

    assertThat(quiet.status()).isEqualTo(1);
    assertThat(quiet.out())
        .isEqualTo("6 families compared: 5 same, 1 differs: page_visits_total\n");
    assertThat(differences.out()).contains("--- page_visits_total").doesNotContain("--- list_size");
  }

  @Test
  void everyLineFitsAHundredColumnTerminal() {
    RunningService one = start();
    RunningService two = start();
    two.get("/observe/0.3");

    Run run = compare("--formats", url(one));
    Run pair = compare(url(one), url(two));

    assertThat(run.out().lines().filter(l -> !l.startsWith("["))).allMatch(l -> l.length() <= 100);
    assertThat(pair.out().lines().filter(l -> !l.startsWith("["))).allMatch(l -> l.length() <= 100);
  }

  @Test
  void anUnreachableServiceExitsWithTwo() {
    RunningService service = start();
    String url = url(service);
    service.close();
    services.remove(service);

    Run run = compare(url, url);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains(url + ": nothing listens there (is the service running?)");
  }

  @Test
  void aProtectedMetricsEndpointIsReadWithTheServicesToken() {
    RunningService service =
        RunningService.start(
            TestSettings.service("--metrics-token=s3cret"), CompareCommandTest::everyType);
    services.add(service);

    Run refused = compare(url(service), url(service));
    Run allowed = compare("--metrics-token", "s3cret", url(service), url(service));

    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.err())
        .contains(url(service) + ": answered 401")
        .contains("give the service's METRICS_TOKEN");
    assertThat(allowed.status()).isZero();
  }

  @Test
  void aMissingOrBrokenFileExitsWithTwo() throws IOException {
    Path broken = save("broken.txt", "# TYPE a gauge\na{b=\"c} 1\n");
    Path fine = save("fine.txt", "a 1\n");

    Run missing = compare(dir.resolve("nope.txt").toString(), fine.toString());
    Run unreadable = compare(broken.toString(), fine.toString());

    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.txt: no such file, and not a URL");
    assertThat(unreadable.status()).isEqualTo(2);
    assertThat(unreadable.err())
        .contains(broken + ": not a valid text 0.0.4 scrape: line 2: a label value is not closed");
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    Path fine = save("fine.txt", "a 1\n");

    assertThat(compare(fine.toString()).status()).isEqualTo(2);
    assertThat(compare(fine.toString()).err())
        .contains("give two or more targets to compare")
        .contains("Try 'compare --help'");
    assertThat(compare("--formats", fine.toString()).err()).contains("needs a service's URL");
    assertThat(compare("--format", "yaml", fine.toString(), fine.toString()).status()).isEqualTo(2);
    assertThat(compare("-n", "no_such_family", fine.toString(), fine.toString()).err())
        .contains("no family to compare: none is named no_such_family");
  }

  @Test
  void helpNamesTheExitStatuses() {
    Run run = compare("--help");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith("Usage: compare")
        .contains("0   every compared family is the same")
        .contains("1   a compared family differs")
        .contains("2   a usage error, or a target that cannot be read");
  }

  @Test
  void theStepsAreTheShippedExpectedScrapes() {
    Run list = compare("--list-steps");
    Run unknown = compare("--step", "counters/nope", "localhost:1");

    assertThat(list.status()).isZero();
    assertThat(list.out().lines().toList())
        .isEqualTo(TutorialSteps.names())
        .contains("counters/after-visits", "histograms/after-three-calls.tutorial-buckets");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("no tutorial step 'counters/nope'")
        .contains("  counters/after-visits\n");
  }

  @Test
  void aStepChecksARunningService() {
    RunningService service = RunningService.start(CountersChapter::app);
    services.add(service);

    Run before = compare("--step", "counters/after-visits", url(service));
    service.get("/visit");
    Run after = compare("--step", "counters/after-visits", url(service));

    assertThat(before.status()).isEqualTo(1);
    assertThat(before.out()).containsPattern("  home_page_visits_total +1\\.0 +0\\.0 +!=\n");
    assertThat(after.status()).isZero();
    assertThat(after.out())
        .contains("[1] step counters/after-visits  (text 0.0.4)")
        .contains("2 families compared: 2 same, 0 differ.");
  }
}
