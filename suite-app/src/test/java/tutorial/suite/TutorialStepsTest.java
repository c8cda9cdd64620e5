package tutorial.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;
import tutorial.common.upstream.UpstreamStandIn;
import tutorial.compare.CompareCommand;
import tutorial.counters.CountersApp;
import tutorial.custommetrics.CustomMetricsApp;
import tutorial.gauges.GaugesApp;
import tutorial.steps.TutorialSteps;
import tutorial.summaries.Quantiles;
import tutorial.summaries.SummariesApp;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * "Does my service match the tutorial?": {@code ./compare --step} against the real apps, driven
 * through the tutorial's steps, with the expected scrapes the apps' own tests hold true.
 */
class TutorialStepsTest {

  @TempDir Path dir;

  private RunningService service;
  private UpstreamStandIn standIn;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    if (standIn != null) {
      standIn.close();
    }
  }

  record Run(int status, String out) {}

  private static Run compare(String... args) {
    StringWriter out = new StringWriter();
    CommandLine command = CompareCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(out, true));
    int status = command.execute(args);
    return new Run(status, out.toString());
  }

  private Run step(String step) {
    return compare("--step", step, service.url("/metrics").toString());
  }

  @Test
  void countersMatchEachStepAndADifferenceIsFound() {
    service = RunningService.start(CountersApp::new);
    assertThat(step("counters/before-visits").status()).isZero();

    service.get("/");
    service.get("/about");

    assertThat(step("counters/after-visits").status()).isZero();
    assertThat(step("counters/after-visits.openmetrics").status()).isZero();
    Run stale = step("counters/before-visits");
    assertThat(stale.status()).isEqualTo(1);
    assertThat(stale.out())
        .containsPattern("  home_page_visits_total +0\\.0 +1\\.0 +!=\n")
        .contains("2 families compared: 0 same, 2 differ");
  }

  @Test
  void gaugesMatchEachStep() {
    service = RunningService.start(GaugesApp::new);
    assertThat(step("gauges/before-adds").status()).isZero();

    for (String num : List.of("5", "10", "21", "87")) {
      service.get("/add/" + num);
    }
    assertThat(step("gauges/after-adds").status()).isZero();
    assertThat(step("gauges/after-adds.openmetrics").status()).isZero();

    service.get("/remove/5");
    assertThat(step("gauges/after-remove").status()).isZero();
  }

  @Test
  void summariesMatchTheirStepsWhateverTheDurations() {
    // no latency: the step's sum is <NUMBER>, so any duration matches
    standIn = UpstreamStandIn.start(false);
    UpstreamSettings upstream = TestSettings.upstream(standIn.baseUrl());
    service =
        RunningService.start(
            registry ->
                new SummariesApp(
                    registry,
                    GitHubClient.connect(upstream, Tracing.off()),
                    TestSettings.parse(new Quantiles(), "--quantiles=false")));
    assertThat(step("summaries/before-calls").status()).isZero();

    service.get("/repos/prometheus/prometheus");
    service.get("/repos/apache/kafka");
    service.get("/repos/moby/moby");

    Run run = step("summaries/after-three-calls");
    assertThat(run.status()).as(run.out()).isZero();
    assertThat(run.out()).containsPattern("  request_processing_seconds_sum +<NUMBER> +[0-9.]+\n");
  }

  @Test
  void customMetricsMatchEachStep() {
    service = RunningService.start(CustomMetricsApp::new);
    assertThat(step("custommetrics/at-start").status()).isZero();
    assertThat(step("custommetrics/at-start.openmetrics").status()).isZero();

    service.post("/state/stopped");

    assertThat(step("custommetrics/after-stop").status()).isZero();
    assertThat(step("custommetrics/at-start").status()).isEqualTo(1);
  }

  @Test
  void everyStepIsAScrapeTheCommandReads() throws IOException {
    List<String> steps = compare("--list-steps").out().lines().toList();

    assertThat(steps).hasSizeGreaterThanOrEqualTo(16).isEqualTo(TutorialSteps.names());
    for (String step : steps) {
      // a step compared with its own text is the same, which also proves it parses; the copy is
      // a scrape, read strictly, so where the step says any number it holds one
      Path copy = dir.resolve(step.replace('/', '-') + ".txt");
      Files.writeString(copy, TutorialSteps.read(step).orElseThrow().replace("<NUMBER>", "0.25"));
      Run run = compare("--exact", "--step", step, copy.toString());
      assertThat(run.status()).as(step + "\n" + run.out()).isZero();
    }
  }
}
