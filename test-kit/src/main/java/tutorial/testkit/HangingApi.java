package tutorial.testkit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tutorial.common.upstream.LoopbackServer;

/**
 * A repository API in the middle of an incident: {@code /repos/slow/slow} is held for a long time,
 * every other repository answers at once. The held calls hold no thread here (they wait on a
 * timer), so a thousand of them cost this stand-in nothing, and closing it answers them all.
 */
public final class HangingApi implements AutoCloseable {

  public static final String HANGING = "slow/slow";

  private final Javalin server;
  private final Duration hold;
  private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();

  private HangingApi(Duration hold) {
    this.hold = hold;
    this.server =
        LoopbackServer.start(routes -> routes.get("/repos/{owner}/{repository}", this::repository));
  }

  /** Starts on a free loopback port; {@code /repos/slow/slow} answers after {@code hold}. */
  public static HangingApi start(Duration hold) {
    return new HangingApi(hold);
  }

  public String baseUrl() {
    return LoopbackServer.baseUrl(server);
  }

  private void repository(Context ctx) {
    String name = ctx.pathParam("owner") + "/" + ctx.pathParam("repository");
    Map<String, Object> json = Map.of("full_name", name, "stand_in", true);
    if (!name.equals(HANGING)) {
      ctx.json(json);
      return;
    }
    CompletableFuture<Void> answer = new CompletableFuture<>();
    held.add(answer);
    CompletableFuture.delayedExecutor(hold.toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> answer.complete(null));
    ctx.future(() -> answer.thenRun(() -> ctx.json(json)));
  }

  @Override
  public void close() {
    held.forEach(answer -> answer.complete(null));
    server.stop();
  }
}
