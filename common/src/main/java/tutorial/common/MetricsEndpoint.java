package tutorial.common;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;
import tutorial.common.http.JavalinPrometheusExchange;

/**
 * The {@code /metrics} route's handler: the Java counterpart of the tutorial's {@code
 * Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)}. It is client_java's own scrape
 * handler, so every format a Prometheus server asks for works: text, OpenMetrics, protobuf, gzip
 * and {@code name[]} filters.
 */
public final class MetricsEndpoint {

  public static final String PATH = "/metrics";

  /** The values of {@code ?debug=} that client_java's scrape handler knows. */
  private static final Set<String> DEBUG_FORMATS =
      Set.of("text", "openmetrics", "prometheus-protobuf");

  private MetricsEndpoint() {}

  /** Serves a scrape of {@code registry}; {@link Service} guards it with the configured login. */
  public static Handler handler(PrometheusRegistry registry) {
    PrometheusScrapeHandler handler = new PrometheusScrapeHandler(registry);
    return ctx -> {
      checkDebugFormat(ctx);
      handler.handleRequest(new JavalinPrometheusExchange(ctx));
    };
  }

  /** The handler answers an unknown format with a 500; it is the caller's mistake, so a 400. */
  private static void checkDebugFormat(Context ctx) {
    String debug = ctx.queryParam("debug");
    if (debug != null && !DEBUG_FORMATS.contains(debug)) {
      throw new BadRequestResponse("debug must be one of text, openmetrics, prometheus-protobuf");
    }
  }
}
