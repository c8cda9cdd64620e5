package tutorial.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;
import tutorial.testkit.Golden;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;
import tutorial.testkit.TutorialRepositories;

/**
 * The tutorial's chapter "Summaries: Similar to Histograms but with Some Drawbacks", step by step,
 * with a MockWebServer in the place of api.github.com.
 */
class SummariesAppTest {

  private static final Pattern COUNT =
      Pattern.compile(
          "request_processing_seconds_count\\{endpoint=\"/repos\",method=\"get\"} (\\d+)\n");
  private static final Pattern SUM =
      Pattern.compile(
          "request_processing_seconds_sum\\{endpoint=\"/repos\",method=\"get\"} (\\S+)\n");

  private static final Pattern QUANTILE =
      Pattern.compile(
          "request_processing_seconds\\{endpoint=\"/repos\",method=\"get\",quantile=\"[0-9.]+\"}"
              + " (\\S+)\n");

  /** Stands in for https://api.github.com. */
  @StartStop private final MockWebServer github = new MockWebServer();

  private RunningService service;

  @BeforeEach
  void start() {
    start(TestSettings.parse(new Quantiles(), "--quantiles=false"));
  }

  private void start(Quantiles quantiles) {
    if (service != null) {
      service.close();
    }
    UpstreamSettings upstream = TestSettings.upstream(github.url("/").toString());
    service =
        RunningService.start(
            registry ->
                new SummariesApp(
                    registry, GitHubClient.connect(upstream, Tracing.off()), quantiles));
  }

  @AfterEach
  void stop() {
    service.close();
  }

  /** The tutorial's First, Second and Third test, each call answered after 300 ms. */
  private void callTheThreeRepositories() throws InterruptedException {
    TutorialRepositories.callTheThree(service, github, 300);
  }

  @Test
  void beforeAnyCallTheSummaryIsThereAtZero() {
    Golden.assertMatchesStep(
        service.scrape("request_processing_seconds"), "summaries/before-calls");
  }

  @Test
  void threeCallsGiveACountAndASumButNoQuantiles() throws InterruptedException {
    callTheThreeRepositories();

    // curl -s http://$server1:5000/metrics | grep request_processing_seconds
    String scrape = service.scrape("request_processing_seconds");
    // like the Python client's summary: _count and _sum only, so no quantile can be read off it
    Golden.assertMatchesStep(scrape, "summaries/after-three-calls");
    assertThat(sum(scrape)).isGreaterThanOrEqualTo(0.9).isLessThan(1.5);
  }

  @Test
  void withQuantilesTheServiceComputesThemItself() throws InterruptedException {
    // SUMMARY_QUANTILES=true: what the Python client cannot do, over a sliding 5-minute window
    start(TestSettings.parse(new Quantiles(), "--quantiles=true"));

    callTheThreeRepositories();

    String scrape = service.scrape("request_processing_seconds");
    Golden.assertMatchesStep(scrape, "summaries/after-three-calls.quantiles");
    // every call took the upstream's 300 ms and a little more, so every quantile says so
    Matcher quantiles = QUANTILE.matcher(scrape);
    int found = 0;
    while (quantiles.find()) {
      assertThat(Double.parseDouble(quantiles.group(1))).isBetween(0.3, 1.0);
      found++;
    }
    assertThat(found).isEqualTo(3);
  }

  @Test
  void upstreamFailuresAreMappedAndStillTimed() {
    github.enqueue(
        new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build());
    github.enqueue(new MockResponse.Builder().code(500).body("{}").build());

    Reply missing = service.get("/repos/prometheus/no-such-repository");
    Reply failing = service.get("/repos/prometheus/prometheus");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/json");
    assertThat(failing.status()).isEqualTo(502);
    assertThat(failing.header("Content-Type")).startsWith("application/json");
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void aBadNameIsRefusedWithoutAskingTheUpstream() {
    Reply reply = service.get("/repos/bad_user!/prometheus");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text())
        .isEqualTo(
            "{\"status\":400,\"error\":\"Bad Request\","
                + "\"message\":\"username must be 1-39 letters, digits or inner single hyphens\"}");
    assertThat(github.getRequestCount()).isZero();
    assertThat(count()).isZero();
  }

  private long count() {
    Matcher matcher = COUNT.matcher(service.scrape("request_processing_seconds"));
    assertThat(matcher.find()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static double sum(String scrape) {
    Matcher matcher = SUM.matcher(scrape);
    assertThat(matcher.find()).as("a _sum line in%n%s", scrape).isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
