package tutorial.common.upstream;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.util.function.Consumer;

/**
 * A small Javalin server on a free loopback port, for the stand-ins that play the repository API:
 * the offline one a learner starts, and those the tests and the benchmarks start.
 */
public final class LoopbackServer {

  private LoopbackServer() {}

  /** Started, with {@code routes}; its base URL is {@link #baseUrl(Javalin)}. */
  public static Javalin start(Consumer<RoutesConfig> routes) {
    return Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = 0;
              routes.accept(config.routes);
            })
        .start();
  }

  public static String baseUrl(Javalin server) {
    return "http://127.0.0.1:" + server.port();
  }
}
