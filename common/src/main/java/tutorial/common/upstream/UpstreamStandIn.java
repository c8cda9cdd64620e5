package tutorial.common.upstream;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embedded stand-in for the repository API, so the histogram and summary chapters work without
 * internet. It answers {@code GET /repos/{owner}/{repository}} with a repository JSON in the real
 * API's shape (values derived from the name, so the same name always gets the same answer) after a
 * latency drawn from a log-normal distribution: mostly 100-400 ms with a long tail, the shape real
 * API calls have, so that the histogram's buckets fill in a way worth looking at.
 */
public final class UpstreamStandIn implements AutoCloseable {

  /** The seeded sequence makes a run of the tutorial's steps repeatable. */
  private static final long SEED = 20240507L;

  private static final double MEDIAN_SECONDS = 0.2;
  private static final double SPREAD = 0.6;
  private static final Duration MAX_LATENCY = Duration.ofSeconds(3);

  private final Javalin server;
  private final boolean withLatency;
  private final AtomicLong requests = new AtomicLong();

  private UpstreamStandIn(boolean withLatency) {
    this.withLatency = withLatency;
    this.server =
        LoopbackServer.start(routes -> routes.get("/repos/{owner}/{repository}", this::repository));
  }

  /** Starts a stand-in on a free loopback port. */
  public static UpstreamStandIn start(boolean withLatency) {
    return new UpstreamStandIn(withLatency);
  }

  public String baseUrl() {
    return LoopbackServer.baseUrl(server);
  }

  /** The latency of the n-th request: the same sequence in every run. */
  static Duration latency(long n) {
    double gaussian = new SplittableRandom(SEED + n).nextGaussian();
    long millis = Math.round(1000 * MEDIAN_SECONDS * Math.exp(SPREAD * gaussian));
    return Duration.ofMillis(Math.min(millis, MAX_LATENCY.toMillis()));
  }

  private void repository(Context ctx) throws InterruptedException {
    long n = requests.getAndIncrement();
    if (withLatency) {
      Thread.sleep(latency(n).toMillis());
    }
    ctx.json(Repository.of(ctx.pathParam("owner"), ctx.pathParam("repository")));
  }

  @Override
  public void close() {
    server.stop();
  }

  /** The fields of the real API's answer that a learner is most likely to look at. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Repository(
      long id,
      String name,
      String fullName,
      Owner owner,
      String htmlUrl,
      String description,
      boolean fork,
      String language,
      long stargazersCount,
      long forksCount,
      long openIssuesCount,
      String defaultBranch,
      boolean standIn) {

    static Repository of(String owner, String name) {
      SplittableRandom random = new SplittableRandom((owner + "/" + name).hashCode());
      return new Repository(
          random.nextLong(1, 900_000_000),
          name,
          owner + "/" + name,
          new Owner(owner, random.nextLong(1, 200_000_000), "Organization"),
          "https://github.com/" + owner + "/" + name,
          "Stand-in answer for " + owner + "/" + name + " (offline mode)",
          false,
          "Java",
          random.nextLong(0, 60_000),
          random.nextLong(0, 15_000),
          random.nextLong(0, 2_000),
          "main",
          true);
    }
  }

  record Owner(String login, long id, String type) {}
}
