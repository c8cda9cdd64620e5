package tutorial.common.tracing;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import tutorial.common.http.RequestLog;

/**
 * {@link Tracing} with the OpenTelemetry SDK, kept on the machine: a span for each traced request
 * and one for its call to the repository API, written to the log ({@link SpanLog}) and to no
 * network. client_java reads the current span by itself: an observation made while a sampled span
 * is current gets its trace and span ids as an exemplar.
 *
 * <p>An incoming W3C {@code traceparent} is honoured when it is valid (the propagator checks its
 * version, lengths, hex digits and that the ids are not all zeros); otherwise a new trace starts.
 * The answer carries the trace in a {@code traceresponse} header (W3C Trace Context Level 2), which
 * the access log prints too, and the call to the API carries it on in its own {@code traceparent}.
 *
 * <p>Only this class (and {@link SpanLog}) touches OpenTelemetry, which is an optional dependency
 * of common: the services that do not trace leave it out of their jars, and {@link Tracing#off()}
 * must still load and verify there.
 */
final class OtelTracing implements Tracing {

  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");

  private static final TextMapPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Context> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
          return ctx.headerMap().keySet();
        }

        @Override
        public String get(Context ctx, String name) {
          return ctx == null ? null : ctx.header(name);
        }
      };

  // Built on another thread while the server starts, as GitHubClient builds its client: the first
  // traced request waits for it if need be.
  private final CompletableFuture<SdkTracerProvider> provider;
  private final CompletableFuture<Tracer> tracer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OtelTracing(CompletableFuture<SdkTracerProvider> provider) {
    this.provider = provider;
    this.tracer = provider.thenApply(p -> p.get("tutorial"));
  }

  /**
   * Every span is sampled (or not, as an incoming {@code traceparent} says) and logged in batches,
   * once a second; the rest is written when the JVM exits.
   */
  static OtelTracing start() {
    return start(new SpanLog());
  }

  /** Tracing whose finished spans are handed to {@code exporter}. */
  static OtelTracing start(SpanExporter exporter) {
    RequestLog.expectTraceIds();
    OtelTracing tracing =
        new OtelTracing(
            CompletableFuture.supplyAsync(
                () ->
                    SdkTracerProvider.builder()
                        .addSpanProcessor(
                            BatchSpanProcessor.builder(exporter)
                                .setScheduleDelay(Duration.ofSeconds(1))
                                .build())
                        .build()));
    // after the graceful stop has let the last requests end: their spans are logged too
    Runtime.getRuntime().addShutdownHook(new Thread(tracing::close, "tracing-flush"));
    return tracing;
  }

  @Override
  public boolean isOn() {
    return true;
  }

  /**
   * {@code route}, run inside a server span named after its route template (never the path, which
   * comes from the user): {@code GET /repos/{username}/{repository}}.
   */
  @Override
  public Handler traced(Handler route) {
    return ctx -> {
      String name = ctx.method() + " " + ctx.endpoint().path;
      Span span =
          tracer
              .join()
              .spanBuilder(name)
              .setParent(PROPAGATOR.extract(io.opentelemetry.context.Context.root(), ctx, HEADERS))
              .setSpanKind(SpanKind.SERVER)
              .setAttribute(METHOD, ctx.method().name())
              .setAttribute(ROUTE, ctx.endpoint().path)
              .startSpan();
      ctx.header(Tracing.RESPONSE_HEADER, traceResponse(span.getSpanContext()));
      try (Scope scope = span.makeCurrent()) {
        route.handle(ctx);
        end(span, ctx.statusCode());
      } catch (HttpResponseException e) {
        end(span, e.getStatus()); // Javalin maps it to this status once the route has thrown
        throw e;
      } catch (Exception e) {
        end(span, 500);
        throw e;
      }
    };
  }

  private static void end(Span span, int status) {
    span.setAttribute(STATUS, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /**
   * OkHttp calls made while a traced request runs: each in a client span of that trace, whose
   * context goes out in the call's {@code traceparent} header. An application interceptor, so it
   * runs on the request's own thread, where its span is current.
   */
  @Override
  public List<Interceptor> callInterceptors() {
    return List.of(this::traceCall);
  }

  private Response traceCall(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Span span =
        tracer
            .join()
            .spanBuilder(request.method() + " " + request.url().host())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(METHOD, request.method())
            .setAttribute(SERVER, request.url().host())
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      Request.Builder traced = request.newBuilder();
      PROPAGATOR.inject(
          io.opentelemetry.context.Context.current(), traced, Request.Builder::header);
      Response response = chain.proceed(traced.build());
      span.setAttribute(STATUS, (long) response.code());
      return response;
    } catch (IOException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  /** W3C Trace Context Level 2's {@code traceresponse}: this request's span, in its trace. */
  static String traceResponse(SpanContext span) {
    return Tracing.VERSION
        + "-"
        + span.getTraceId()
        + "-"
        + span.getSpanId()
        + "-"
        + span.getTraceFlags().asHex();
  }

  /** Logs the spans still waiting, and stops. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      provider.join().shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
