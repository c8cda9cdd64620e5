package tutorial.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * summaries-app traces its calls as histograms-app does, but a summary has no buckets to hang an
 * exemplar on: its OpenMetrics output has none, with or without quantiles (Prometheus 2.42 would
 * drop the whole scrape for an exemplar on a quantile, _count or _sum line).
 */
class SummariesTracingTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";

  @StartStop private final MockWebServer github = new MockWebServer();

  private Tracing tracing;
  private RunningService service;

  @AfterEach
  void stop() {
    service.close();
    tracing.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--quantiles=false", "--quantiles=true"})
  void aTracedCallIsContinuedButTheSummaryCarriesNoExemplar(String quantiles)
      throws InterruptedException {
    UpstreamSettings upstream = TestSettings.upstream(github.url("/").toString());
    tracing = upstream.tracing();
    Quantiles chosen = TestSettings.parse(new Quantiles(), quantiles);
    service =
        RunningService.start(
            registry ->
                new SummariesApp(
                    registry, GitHubClient.connect(upstream, tracing), chosen, tracing));
    github.enqueue(new MockResponse.Builder().code(200).body("{\"full_name\":\"a/b\"}").build());

    Reply reply =
        service.get(
            "/repos/apache/kafka", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header(Tracing.RESPONSE_HEADER)).startsWith("00-" + TRACE_ID + "-");
    assertThat(github.takeRequest().getHeaders().get("traceparent")).contains(TRACE_ID);
    String openMetrics = service.get("/metrics", "Accept", OPENMETRICS).text();
    assertThat(openMetrics)
        .contains("request_processing_seconds_count{endpoint=\"/repos\",method=\"get\"} 1")
        .doesNotContain(" # {");
  }
}
