package tutorial.benchmarks;

import io.javalin.Javalin;
import tutorial.common.startup.JettyTuning;

/**
 * Plain Javalin, the floor under the services: {@code GET /metrics} answering an empty 200, {@code
 * GET /} answering counters-app's home page, and nothing else (no settings parsed, no metrics, no
 * error handlers, no access log; only the Jetty property the services set too, see {@link
 * JettyTuning}). The harness starts it with the tuned launch and its own class-data archive, next
 * to the services, to show how much of their start-up is the framework's. Started only by the
 * harness, with {@code --port=N} as its one argument.
 */
public final class BareJavalin {

  private BareJavalin() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0].substring("--port=".length()));
    JettyTuning.skipCacheLineProbe(); // as the services do: it is Jetty's cost, not theirs
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = port;
              config.routes.get("/metrics", ctx -> ctx.result(""));
              // counters-app's home page without its counter, its access log or anything else
              config.routes.get("/", ctx -> ctx.html("<h1>Welcome to the Home Page</h1>"));
            })
        .start();
  }
}
