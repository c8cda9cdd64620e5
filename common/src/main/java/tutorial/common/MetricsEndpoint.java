package tutorial.common;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;

/** The {@code GET /metrics} route: the Java counterpart of the tutorial's {@code generate_latest()}. */
public final class MetricsEndpoint {

  public static final String PATH = "/metrics";

  /** The values of {@code ?debug=} that client_java's scrape handler knows. */
  private static final Set<String> DEBUG_FORMATS = Set.of("text", "openmetrics", "prometheus-protobuf");

  private MetricsEndpoint() {}

  public static void addTo(RoutesConfig routes, PrometheusRegistry registry, MetricsAccess access) {
    PrometheusScrapeHandler handler = new PrometheusScrapeHandler(registry);
    routes.get(
        PATH,
        ctx -> {
          access.check(ctx);
          checkDebugFormat(ctx);
          handler.handleRequest(new JavalinPrometheusExchange(ctx));
        });
  }

  /** The handler answers an unknown format with a 500; it is the caller's mistake, so a 400. */
  private static void checkDebugFormat(Context ctx) {
    String debug = ctx.queryParam("debug");
    if (debug != null && !DEBUG_FORMATS.contains(debug)) {
      throw new BadRequestResponse("debug must be one of text, openmetrics, prometheus-protobuf");
    }
  }
}
