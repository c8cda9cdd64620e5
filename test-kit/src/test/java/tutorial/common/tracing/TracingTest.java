package tutorial.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.BadGatewayResponse;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.common.http.RequestLog;
import tutorial.testkit.Reply;

/**
 * {@link Tracing} around a real Javalin server with the services' access log: each traced request
 * is a server span named after its route template, its trace id goes back in {@code traceresponse}
 * and into its access-log line; an untraced route is left as it is.
 */
class TracingTest {

  private static final OkHttpClient HTTP = new OkHttpClient();

  private final List<SpanData> spans = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream accessLog = new ByteArrayOutputStream();
  private Tracing tracing;
  private Javalin server;

  @BeforeEach
  void start() {
    tracing = OtelTracing.start(new Collecting());
    server =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jetty.host = "127.0.0.1";
                  config.jetty.port = 0;
                  config.jetty.modifyServer(s -> s.setRequestLog(new RequestLog(accessLog)));
                  config.routes.get("/hello/{name}", tracing.traced(ctx -> ctx.result("hello")));
                  config.routes.get(
                      "/broken",
                      tracing.traced(
                          ctx -> {
                            throw new BadGatewayResponse("upstream down");
                          }));
                  config.routes.get("/plain", ctx -> ctx.result("plain"));
                })
            .start();
  }

  @AfterEach
  void stop() {
    server.stop();
    tracing.close();
  }

  @Test
  void aTracedRouteIsAServerSpanNamedAfterItsTemplateNeverItsPath() {
    Reply reply = get("/hello/secret-user-input");

    assertThat(reply.status()).isEqualTo(200);
    String traceId = traceId(reply);
    tracing.close(); // writes the spans still waiting
    assertThat(spans).hasSize(1);
    SpanData span = spans.get(0);
    assertThat(span.getTraceId()).isEqualTo(traceId);
    assertThat(span.getName()).isEqualTo("GET /hello/{name}");
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route")))
        .isEqualTo("/hello/{name}");
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(SpanLog.line(span))
        .matches(
            "trace "
                + traceId
                + " span [0-9a-f]{16} parent - SERVER \"GET /hello/\\{name}\" [\\d.]+ ms status 200");
  }

  @Test
  void aFailedRouteIsAnErrorSpanWithTheStatusItAnswers() {
    Reply reply = get("/broken");

    assertThat(reply.status()).isEqualTo(502);
    String traceId = traceId(reply);
    tracing.close();
    assertThat(spans)
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.getTraceId()).isEqualTo(traceId);
              assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
              assertThat(
                      span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                  .isEqualTo(502L);
            });
  }

  @Test
  void theAccessLogCarriesATracedRequestsTraceIdAndNothingMoreForOthers() {
    String traced = traceId(get("/hello/there"));
    String failed = traceId(get("/broken"));
    Reply plain = get("/plain");

    assertThat(plain.header(Tracing.RESPONSE_HEADER)).isNull();
    server.stop(); // the log writes what it holds as the server stops
    List<String> lines = accessLog.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines)
        .anyMatch(l -> l.matches(access("/hello/there", 200, 5) + " trace_id=" + traced))
        .anyMatch(l -> l.matches(access("/broken", 502, -1) + " trace_id=" + failed))
        .anyMatch(l -> l.matches(access("/plain", 200, 5)));
  }

  @Test
  void offLeavesARouteAsItIs() {
    Tracing off = Tracing.off();
    RouteProbe route = new RouteProbe();

    assertThat(off.traced(route)).isSameAs(route);
    assertThat(off.callInterceptors()).isEmpty();
    assertThat(off.isOn()).isFalse();
  }

  /** An access-log line's pattern, up to its duration; bytes -1 is any. */
  private static String access(String path, int status, int bytes) {
    return "127\\.0\\.0\\.1 \"GET "
        + path
        + " HTTP/1\\.1\" "
        + status
        + " "
        + (bytes < 0 ? "\\d+" : String.valueOf(bytes))
        + " bytes \\d+ ms";
  }

  private String traceId(Reply reply) {
    String header = reply.header(Tracing.RESPONSE_HEADER);
    // flags: sampled (01), and on a trace begun here also random (02), as W3C Level 2 defines it
    assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]");
    return header.substring(3, 35);
  }

  private Reply get(String path) {
    Request request = new Request.Builder().url("http://127.0.0.1:" + server.port() + path).build();
    try (Response response = HTTP.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class RouteProbe implements io.javalin.http.Handler {
    @Override
    public void handle(io.javalin.http.Context ctx) {}
  }

  /** Keeps the finished spans for the test to read. */
  private final class Collecting implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
      spans.addAll(finished);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
