package tutorial.common.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import tutorial.common.MetricsEndpoint;
import tutorial.common.TutorialApp;
import tutorial.common.settings.ServiceSettings;
import tutorial.common.startup.JettyTuning;

/**
 * The Javalin server around an app's routes, with what every service shares: {@code /health}, JSON
 * errors, the access log, the login that guards {@code /metrics} when one is set, and the graceful
 * stop's timeout.
 */
public final class ServiceServer {

  public static final String HEALTH_PATH = "/health";

  /**
   * The buffer Javalin copies each response through, new for every response. Javalin's default is
   * Jetty's whole output buffer (32 kB), which made most of the memory a request allocated and
   * filled the young generation several times as often as the requests needed (BENCHMARKS.md). The
   * JDK's own copy loop ({@code InputStream.transferTo}) uses this size; Jetty still buffers the
   * output.
   */
  public static final int RESPONSE_COPY_BUFFER = 8 * 1024;

  /** Connections the kernel may hold for the service before it accepts them. */
  public static final int ACCEPT_QUEUE = 1024;

  static {
    JettyTuning.skipCacheLineProbe();
  }

  private ServiceServer() {}

  /** The app's routes and the shared wiring, in an unstarted Javalin, for service {@code name}. */
  public static Javalin create(String name, ServiceSettings settings, TutorialApp app) {
    MetricsAccess access = settings.metricsAccess();
    AtomicReference<List<String>> routes = new AtomicReference<>(List.of());
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              // read when the server starts, so that start(host, port) still chooses the address
              config.jetty.addConnector(
                  (server, http) -> connector(server, http, config.jetty.host, config.jetty.port));
              config.http.prefer405over404 = true;
              config.http.responseBufferSize = RESPONSE_COPY_BUFFER;
              config.jetty.modifyServer(
                  server -> {
                    // Jetty's default of 0 cuts in-flight requests off at SIGTERM
                    server.setStopTimeout(settings.stopTimeout().toMillis());
                    server.setErrorHandler(new JsonErrorHandler());
                    if (settings.requestLog()) {
                      server.setRequestLog(RequestLog.toStandardError());
                    }
                  });
              ErrorResponses.addTo(config.routes, name, routes::get);
              if (!access.isOpen()) {
                config.routes.before(MetricsEndpoint.PATH, access::check);
              }
              app.addRoutes(config.routes);
              config.routes.get(HEALTH_PATH, ctx -> ctx.json(Map.of("status", "UP")));
            });
    routes.set(routesOf(javalin));
    return javalin;
  }

  /** {@code GET /about}, {@code POST /state/{state}}: what the server answers, as it was made. */
  private static List<String> routesOf(Javalin javalin) {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(e -> e.method.isHttpMethod() && !e.method.equals(HandlerType.HEAD))
        .map(e -> e.method + " " + e.path)
        .distinct()
        .toList();
  }

  /**
   * Javalin's own connector, with room for a burst of connections: Jetty's default accept queue
   * (the JDK's 50) drops the connections past it during a burst, and each dropped one waits a
   * second or more for its client to try again (a thousand calls at once met that while the API
   * hung). The kernel caps the queue at {@code net.core.somaxconn}.
   */
  private static ServerConnector connector(
      Server server, HttpConfiguration http, String host, int port) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    return connector;
  }
}
