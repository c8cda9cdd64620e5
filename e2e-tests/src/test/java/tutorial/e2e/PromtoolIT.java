package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static tutorial.e2e.Services.assertOk;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.common.TutorialApp;
import tutorial.counters.CountersApp;
import tutorial.custommetrics.CustomMetricsApp;
import tutorial.gauges.GaugesApp;
import tutorial.histograms.Buckets;
import tutorial.histograms.HistogramsApp;
import tutorial.summaries.Quantiles;
import tutorial.summaries.SummariesApp;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * Prometheus's own checker, {@code promtool}, on what this repository ships: every service's scrape
 * (with its JVM metrics, as a learner's service has them), the config, the rules and the rules'
 * unit tests, and the topology's central and agent configs; Alertmanager's {@code amtool} on the
 * topology's Alertmanager config.
 */
class PromtoolIT {

  private static final StartedResources started = new StartedResources();
  private static RepositoryApi github;

  /** Why this machine cannot run these tests (no promtool), or empty. */
  private static Optional<String> skip = Optional.empty();

  @BeforeAll
  static void start() {
    skip =
        ExternalBinaries.missing(
            ExternalBinaries.Binary.PROMTOOL); // in CI, a missing promtool fails here
    if (skip.isEmpty()) {
      github = started.add(RepositoryApi.start());
      started.expectFreed(github.port());
    }
  }

  @AfterAll
  static void stop() {
    started.close();
  }

  @BeforeEach
  void skipWithoutPromtool() {
    assumeTrue(skip.isEmpty(), skip::get);
  }

  @Test
  void theShippedConfigIsValid() {
    // also loads and checks the rule files it names
    CheckerRunner.Result result = promtool("check", "config", PrometheusFolder.CONFIG);

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.stdout())
        .contains(
            "SUCCESS: " + PrometheusFolder.CONFIG + " is valid prometheus config file syntax");
  }

  @Test
  void theLoginExampleIsValid() {
    CheckerRunner.Result result = promtool("check", "config", ProtectedMetricsIT.EXAMPLE);

    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  @Test
  void theExemplarsExampleIsValid() {
    CheckerRunner.Result result = promtool("check", "config", ExemplarsIT.EXAMPLE);

    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  @Test
  void theShippedRulesAreValid() {
    CheckerRunner.Result result =
        promtool(
            "check", "rules", PrometheusFolder.RECORDING_RULES, PrometheusFolder.ALERTING_RULES);

    assertThat(result.exitCode()).as("%s", result).isZero();
    // 5 recording rules, 6 alerts
    assertThat(result.stdout()).contains("SUCCESS: 5 rules found", "SUCCESS: 6 rules found");
  }

  @Test
  void theRulesUnitTestsPass() {
    CheckerRunner.Result result = promtool("test", "rules", PrometheusFolder.RULE_TESTS);

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.stdout()).contains("SUCCESS");
  }

  @Test
  void theTopologysCentralConfigIsValidWithItsTwoRuleFiles() {
    CheckerRunner.Result result = promtool("check", "config", "topology/central.yml");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.stdout())
        .contains(
            "SUCCESS: 2 rule files found",
            "SUCCESS: topology/central.yml is valid prometheus config file syntax",
            // the single-machine setup's rules, found relative to the config file
            "Checking recording_rules.yml\n  SUCCESS: 5 rules found",
            "Checking alerting_rules.yml\n  SUCCESS: 6 rules found");
  }

  static Stream<String> agentConfigs() throws IOException {
    try (Stream<Path> files = Files.list(PrometheusFolder.dir().resolve("topology"))) {
      List<String> agents =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.startsWith("agent-") && name.endsWith(".yml"))
              .sorted()
              .map(name -> "topology/" + name)
              .toList();
      assertThat(agents).as("the topology's agent configs").isNotEmpty();
      return agents.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("agentConfigs")
  void eachAgentConfigIsValidInAgentMode(String config) {
    CheckerRunner.Result result = promtool("check", "config", "--agent", config);

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.stdout()).contains("SUCCESS: " + config + " is valid");
  }

  /** What docs/beyond-one-machine.md says: an agent evaluates no rules; the central one does. */
  @Test
  void anAgentConfigWithRulesIsRefusedInAgentMode(@TempDir Path dir) throws IOException {
    String agent = agentConfigs().findFirst().orElseThrow();
    Path withRules = dir.resolve("agent-with-rules.yml");
    Files.writeString(
        withRules,
        Files.readString(PrometheusFolder.dir().resolve(agent))
            + "\nrule_files:\n  - "
            + PrometheusFolder.file(PrometheusFolder.RECORDING_RULES)
            + "\n");

    CheckerRunner.Result asServer = promtool("check", "config", withRules.toString());
    CheckerRunner.Result asAgent = promtool("check", "config", "--agent", withRules.toString());

    // the rules themselves are fine: a server takes them
    assertThat(asServer.exitCode()).as("%s", asServer).isZero();
    assertThat(asAgent.exitCode()).as("%s", asAgent).isEqualTo(1);
    assertThat(asAgent.stdout() + asAgent.stderr())
        .contains("field rule_files is not allowed in agent mode");
  }

  @Test
  void theTopologysAlertmanagerConfigIsValid() {
    Optional<String> noAmtool =
        ExternalBinaries.missing(ExternalBinaries.Binary.AMTOOL); // in CI, this fails instead
    assumeTrue(noAmtool.isEmpty(), noAmtool::orElseThrow);

    CheckerRunner.Result result = amtool("check-config", "topology/alertmanager.yml");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.stdout())
        .contains("Checking 'topology/alertmanager.yml'  SUCCESS", " - 1 receivers");
  }

  static Stream<Arguments> services() {
    return Stream.of(
        service("counters-app", CountersApp::new, s -> assertOk(s.get("/"))),
        service("gauges-app", GaugesApp::new, s -> assertOk(s.get("/add/5"))),
        service(
            "histograms-app",
            registry ->
                new HistogramsApp(
                    registry,
                    github.client(),
                    TestSettings.parse(new Buckets(), "--buckets=python")),
            s -> assertOk(s.get("/repos/prometheus/prometheus"))),
        service(
            "histograms-app HISTOGRAM_BUCKETS=tutorial",
            registry ->
                new HistogramsApp(
                    registry,
                    github.client(),
                    TestSettings.parse(new Buckets(), "--buckets=tutorial")),
            s -> assertOk(s.get("/repos/prometheus/prometheus"))),
        service(
            "histograms-app NATIVE_HISTOGRAM=true",
            registry ->
                new HistogramsApp(registry, github.client(), Services.classicAndNativeBuckets()),
            s -> assertOk(s.get("/repos/prometheus/prometheus"))),
        service(
            "summaries-app",
            registry ->
                new SummariesApp(
                    registry,
                    github.client(),
                    TestSettings.parse(new Quantiles(), "--quantiles=false")),
            s -> assertOk(s.get("/repos/prometheus/prometheus"))),
        service(
            "summaries-app SUMMARY_QUANTILES=true",
            registry ->
                new SummariesApp(
                    registry,
                    github.client(),
                    TestSettings.parse(new Quantiles(), "--quantiles=true")),
            s -> assertOk(s.get("/repos/prometheus/prometheus"))),
        service(
            "custom-metrics-app", CustomMetricsApp::new, s -> assertOk(s.post("/state/stopped"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void theScrapePassesPromtoolCheckMetrics(
      Function<PrometheusRegistry, TutorialApp> app, Consumer<RunningService> step, TestInfo test) {
    try (RunningService service =
        RunningService.start(TestSettings.service("--jvm-metrics=true"), app)) {
      // one step of the chapter, so that the chapter's series carry values
      step.accept(service);
      // curl -s localhost:5000/metrics | promtool check metrics
      String scrape = service.scrape();

      CheckerRunner.Result result =
          CheckerRunner.runWithInput(
              ExternalBinaries.Binary.PROMTOOL, PrometheusFolder.dir(), scrape, "check", "metrics");

      // lint findings go to stderr, with exit status 3; a parse error exits 1
      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(result.stderr()).as("%s", result).isEmpty();
      System.out.printf(
          "promtool check metrics (%s): OK, %d lines, %d families%n",
          test.getDisplayName(),
          scrape.lines().count(),
          scrape.lines().filter(line -> line.startsWith("# TYPE ")).count());
    }
  }

  private static Arguments service(
      String name, Function<PrometheusRegistry, TutorialApp> app, Consumer<RunningService> step) {
    return Arguments.of(Named.of(name, app), step);
  }

  private static CheckerRunner.Result promtool(String... args) {
    return check(ExternalBinaries.Binary.PROMTOOL, args);
  }

  private static CheckerRunner.Result amtool(String... args) {
    return check(ExternalBinaries.Binary.AMTOOL, args);
  }

  /** Runs the checker in prometheus/, as the docs show it, and prints what it said. */
  private static CheckerRunner.Result check(ExternalBinaries.Binary checker, String... args) {
    CheckerRunner.Result result = CheckerRunner.run(checker, PrometheusFolder.dir(), args);
    System.out.printf(
        "$ %s %s%n%s%s", checker.command, String.join(" ", args), result.stdout(), result.stderr());
    return result;
  }
}
