package tutorial.common.upstream;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * An embedded stand-in for the repository API, so the histogram and summary chapters work without
 * internet. It answers {@code GET /repos/{owner}/{repository}} with a repository JSON in the real
 * API's shape (values derived from the name, so the same name always gets the same answer) after a
 * latency. The first calls take what the tutorial's own three took, so that a learner offline gets
 * the tutorial's output; the calls after them are drawn from a log-normal distribution, mostly a
 * tenth to four tenths of a second with a long tail, the shape real API calls have, so that the
 * histogram's buckets fill in a way worth looking at.
 */
public final class UpstreamStandIn implements AutoCloseable {

  /** The seeded sequence makes a run of the tutorial's steps repeatable. */
  private static final long SEED = 20240507L;

  /**
   * The tutorial's three calls all took between 0.25 and 0.5 s, 0.82 s together. Each leaves room
   * for the service's own part of the call, the first (in a fresh JVM) the most, so that the
   * tutorial's own buckets ({@code .1} to {@code 1} by {@code .1}) always count them alike too: one
   * at most 0.4 s, two at most 0.3 s.
   */
  static final List<Duration> TUTORIAL_LATENCIES =
      List.of(Duration.ofMillis(310), Duration.ofMillis(252), Duration.ofMillis(256));

  /** A request with this header is answered at once and not counted: see GitHubClient's warm-up. */
  static final String WARM_UP_HEADER = "X-Stand-In-Warm-Up";

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
    UpstreamStandIn standIn = new UpstreamStandIn(withLatency);
    LoggerFactory.getLogger(UpstreamStandIn.class)
        .info(
            "repository API stand-in (offline mode) answering at {}{}",
            standIn.baseUrl(),
            withLatency ? "" : ", without delay");
    return standIn;
  }

  public String baseUrl() {
    return LoopbackServer.baseUrl(server);
  }

  /** The latency of the n-th request: the same sequence in every run. */
  static Duration latency(long n) {
    if (n < TUTORIAL_LATENCIES.size()) {
      return TUTORIAL_LATENCIES.get((int) n);
    }
    double gaussian = new SplittableRandom(SEED + n).nextGaussian();
    long millis = Math.round(1000 * MEDIAN_SECONDS * Math.exp(SPREAD * gaussian));
    return Duration.ofMillis(Math.min(millis, MAX_LATENCY.toMillis()));
  }

  private void repository(Context ctx) throws InterruptedException {
    if (ctx.header(WARM_UP_HEADER) == null) {
      long n = requests.getAndIncrement();
      if (withLatency) {
        Thread.sleep(latency(n).toMillis());
      }
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
