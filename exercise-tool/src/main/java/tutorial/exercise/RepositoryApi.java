package tutorial.exercise;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import tutorial.common.upstream.LoopbackServer;

/**
 * The repository API that a learner's exercise calls: on loopback, answering at once (the checks
 * judge nothing that depends on latency, and a save's verdict should not wait for one), with a 404
 * for {@link #MISSING}, the failed call that a timer must time too.
 */
final class RepositoryApi implements AutoCloseable {

  static final String MISSING = "no-such-repository";

  private final Javalin server =
      LoopbackServer.start(routes -> routes.get("/repos/{owner}/{repository}", this::repository));

  String baseUrl() {
    return LoopbackServer.baseUrl(server);
  }

  private void repository(Context ctx) {
    String owner = ctx.pathParam("owner");
    String name = ctx.pathParam("repository");
    if (name.equals(MISSING)) {
      ctx.status(404).json(Map.of("message", "Not Found"));
      return;
    }
    ctx.json(
        Map.of(
            "name",
            name,
            "full_name",
            owner + "/" + name,
            "owner",
            Map.of("login", owner),
            "html_url",
            "https://github.com/" + owner + "/" + name));
  }

  @Override
  public void close() {
    server.stop();
  }
}
