package tutorial.common.upstream;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.util.JavalinLogger;
import java.util.function.Consumer;

/**
 * A small Javalin server on a free loopback port, for the stand-ins that play the repository API:
 * the offline one a learner starts, and those the tests and the benchmarks start.
 */
public final class LoopbackServer {

  private LoopbackServer() {}

  /**
   * Started, with {@code routes}; its base URL is {@link #baseUrl(Javalin)}. Javalin's start-up
   * lines are left out: beside the service's own, they would read as the service's. Whoever starts
   * it says what it is.
   */
  public static Javalin start(Consumer<RoutesConfig> routes) {
    return start(0, routes);
  }

  /** As {@link #start(Consumer)}, on {@code port} (0: a free one). */
  public static Javalin start(int port, Consumer<RoutesConfig> routes) {
    Javalin server =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = port;
              routes.accept(config.routes);
            });
    synchronized (LoopbackServer.class) {
      boolean startupInfo = JavalinLogger.startupInfo;
      JavalinLogger.startupInfo = false;
      try {
        return server.start();
      } finally {
        JavalinLogger.startupInfo = startupInfo;
      }
    }
  }

  public static String baseUrl(Javalin server) {
    return "http://127.0.0.1:" + server.port();
  }
}
