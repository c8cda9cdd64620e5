package tutorial.histograms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * Each {@code /repos/...} call traced with OpenTelemetry: the trace goes on to the API and back in
 * the answer's {@code traceresponse}, and the histogram's bucket carries its ids as an exemplar, in
 * OpenMetrics only. Each test starts its own service: client_java keeps a bucket's first exemplar
 * for at least 7 s and samples at most one per 90 ms.
 */
class HistogramsExemplarsTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";
  private static final String SAMPLED = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";

  /**
   * traceparent and traceresponse alike: version, trace id, span id, flags (01: sampled; a trace
   * begun here is also marked random, 02, as W3C Trace Context Level 2 defines it).
   */
  private static final Pattern TRACE_CONTEXT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-(0[0-3])");

  private static final Pattern LE = Pattern.compile(".*le=\"([^\"]+)\".*");

  @StartStop private final MockWebServer upstream = new MockWebServer();

  private Tracing tracing;
  private RunningService service;

  private void start(String... upstreamFlags) {
    UpstreamSettings settings = TestSettings.upstream(upstream.url("/").toString(), upstreamFlags);
    Buckets buckets = TestSettings.parse(new Buckets(), "--buckets=python");
    tracing = settings.tracing();
    service =
        RunningService.start(
            registry ->
                new HistogramsApp(
                    registry, GitHubClient.connect(settings, tracing), buckets, tracing));
    upstream.enqueue(
        new MockResponse.Builder().code(200).body("{\"full_name\":\"moby/moby\"}").build());
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    if (tracing != null) {
      tracing.close();
    }
  }

  @Test
  void aValidTraceparentIsContinuedThroughTheServiceToTheApi() throws InterruptedException {
    start();

    Reply reply = service.get("/repos/moby/moby", "traceparent", SAMPLED);

    assertThat(reply.status()).isEqualTo(200);
    Matcher ours = match(TRACE_CONTEXT, reply.header(Tracing.RESPONSE_HEADER));
    assertThat(ours.group(1)).isEqualTo(TRACE_ID);
    assertThat(ours.group(2)).isNotEqualTo(PARENT_ID);
    assertThat(ours.group(3)).isEqualTo("01");

    // the call to the API is a span of its own, a child of the request's, in the same trace
    RecordedRequest call = upstream.takeRequest();
    Matcher onward = match(TRACE_CONTEXT, call.getHeaders().get("traceparent"));
    assertThat(onward.group(1)).isEqualTo(TRACE_ID);
    assertThat(onward.group(2)).isNotIn(PARENT_ID, ours.group(2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // all-zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // all-zero parent id
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper-case hex
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // a digit short
        "00-4bf92f3577b34da6a3ce929d0e0e47zz-00f067aa0ba902b7-01", // not hex
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // the forbidden version
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", // wrong separators
        "not a traceparent at all",
        ""
      })
  void anInvalidTraceparentStartsANewTrace(String traceparent) throws InterruptedException {
    start();

    Reply reply = service.get("/repos/moby/moby", "traceparent", traceparent);

    assertThat(reply.status()).isEqualTo(200);
    Matcher ours = match(TRACE_CONTEXT, reply.header(Tracing.RESPONSE_HEADER));
    assertThat(ours.group(1)).isNotEqualTo(TRACE_ID).isNotEqualTo("0".repeat(32));
    assertThat(ours.group(3)).isEqualTo("03");
    assertThat(
            match(TRACE_CONTEXT, upstream.takeRequest().getHeaders().get("traceparent")).group(1))
        .isEqualTo(ours.group(1));
    assertThat(exemplarTraceIds()).containsExactly(ours.group(1));
  }

  @Test
  void withoutATraceparentANewTraceStarts() {
    start();

    Reply reply = service.get("/repos/moby/moby");

    Matcher ours = match(TRACE_CONTEXT, reply.header(Tracing.RESPONSE_HEADER));
    assertThat(exemplarTraceIds()).containsExactly(ours.group(1));
  }

  @Test
  void theBucketOfTheCallCarriesItsTraceAsAnExemplarInOpenMetricsOnly() {
    start();

    service.get("/repos/moby/moby", "traceparent", SAMPLED);

    String openMetrics = openMetrics();
    List<String> withExemplar = linesWithExemplars(openMetrics);
    assertThat(withExemplar).hasSize(1);
    String line = withExemplar.get(0);
    assertThat(line)
        .startsWith("request_duration_seconds_bucket{endpoint=\"/repos\",method=\"GET\",le=\"")
        .contains("trace_id=\"" + TRACE_ID + "\"")
        .containsPattern("span_id=\"[0-9a-f]{16}\"");
    // the exemplar's value is the observed duration, on the first bucket that holds it
    double value = exemplarValue(line);
    double firstHolding =
        openMetrics
            .lines()
            .filter(l -> l.startsWith("request_duration_seconds_bucket"))
            .map(l -> match(LE, l).group(1))
            .filter(le -> !le.equals("+Inf"))
            .mapToDouble(Double::parseDouble)
            .filter(le -> le >= value)
            .min()
            .orElse(Double.POSITIVE_INFINITY);
    assertThat(match(LE, line).group(1)).isEqualTo(label(firstHolding));

    // the text format, what the tutorial's curl shows, has no exemplars
    assertThat(service.scrape("request_duration_seconds"))
        .doesNotContain(" # {")
        .contains("request_duration_seconds_count{endpoint=\"/repos\",method=\"GET\"} 1");
  }

  @Test
  void anUnsampledTraceIsContinuedButGivesNoExemplar() throws InterruptedException {
    start();

    Reply reply =
        service.get("/repos/moby/moby", "traceparent", "00-" + TRACE_ID + "-" + PARENT_ID + "-00");

    Matcher ours = match(TRACE_CONTEXT, reply.header(Tracing.RESPONSE_HEADER));
    assertThat(ours.group(1)).isEqualTo(TRACE_ID);
    assertThat(ours.group(3)).isEqualTo("00");
    assertThat(
            match(TRACE_CONTEXT, upstream.takeRequest().getHeaders().get("traceparent")).group(3))
        .isEqualTo("00");
    assertThat(linesWithExemplars(openMetrics())).isEmpty();
    assertThat(openMetrics())
        .contains("request_duration_seconds_count{endpoint=\"/repos\",method=\"GET\"} 1");
  }

  @Test
  void withTracingOffNothingIsTracedNorPropagated() throws InterruptedException {
    start("--tracing=false");

    Reply reply = service.get("/repos/moby/moby", "traceparent", SAMPLED);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header(Tracing.RESPONSE_HEADER)).isNull();
    assertThat(upstream.takeRequest().getHeaders().get("traceparent")).isNull();
    assertThat(linesWithExemplars(openMetrics())).isEmpty();
  }

  @Test
  void aFailedCallIsTracedAndObservedLikeAnyOther() {
    start();
    upstream.close(); // nothing answers: 502

    Reply reply = service.get("/repos/moby/moby", "traceparent", SAMPLED);

    assertThat(reply.status()).isEqualTo(502);
    assertThat(match(TRACE_CONTEXT, reply.header(Tracing.RESPONSE_HEADER)).group(1))
        .isEqualTo(TRACE_ID);
    assertThat(exemplarTraceIds()).containsExactly(TRACE_ID);
  }

  private String openMetrics() {
    Reply reply = service.get("/metrics?name[]=request_duration_seconds", "Accept", OPENMETRICS);
    assertThat(reply.status()).isEqualTo(200);
    return reply.text();
  }

  private List<String> exemplarTraceIds() {
    return linesWithExemplars(openMetrics()).stream()
        .map(l -> match(Pattern.compile(".*trace_id=\"([0-9a-f]{32})\".*"), l).group(1))
        .toList();
  }

  static List<String> linesWithExemplars(String openMetrics) {
    return openMetrics.lines().filter(l -> l.contains(" # {")).toList();
  }

  /** A bound as the OpenMetrics writer prints it in {@code le}: 0.75, 1.0, +Inf. */
  private static String label(double bound) {
    return Double.isInfinite(bound) ? "+Inf" : Double.toString(bound);
  }

  private static double exemplarValue(String bucketLine) {
    return Double.parseDouble(
        match(Pattern.compile(".* # \\{[^}]*} (\\S+).*"), bucketLine).group(1));
  }

  private static Matcher match(Pattern pattern, String text) {
    assertThat(text).as("a text to match %s", pattern).isNotNull();
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.matches()).as("%s matches %s", text, pattern).isTrue();
    return matcher;
  }
}
