package tutorial.common.upstream;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded stand-in for the repository API, so the histogram and summary chapters work without
 * internet. It answers {@code GET /repos/{owner}/{repository}} with a repository JSON in the real
 * API's shape (values derived from the name, so the same name always gets the same answer) after a
 * latency. The first calls take what the tutorial's own three took, so that a learner offline gets
 * the tutorial's output; the calls after them are drawn from a log-normal distribution, mostly a
 * tenth to four tenths of a second with a long tail, the shape real API calls have, so that the
 * histogram's buckets fill in a way worth looking at.
 *
 * <p>A {@link Drill} switched on ({@link #switchOn}, through the {@link DrillControl} on a port of
 * its own) breaks it on purpose until it is switched off or its time is up; then the stand-in
 * answers as before, its seeded latencies going on where they were.
 */
public final class UpstreamStandIn implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UpstreamStandIn.class);

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

  /** How long a hanging call is held when the caller's timeouts are not known. */
  private static final Duration DEFAULT_HOLD = Duration.ofSeconds(8);

  /** A drill running: its fault, since when and until when, and the calls it has seen. */
  public record Running(Fault fault, Instant since, Instant until, AtomicLong calls) {}

  private final Javalin server;
  private final int port;
  private final boolean withLatency;
  private final Duration hold;
  private final AtomicLong requests = new AtomicLong();
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "stand-in-drills");
            thread.setDaemon(true);
            return thread;
          });
  private final Object drillChanged = new Object();
  private volatile Running drill;
  private volatile boolean listening = true;
  private ScheduledFuture<?> end;
  private ScheduledFuture<?> turns;

  private UpstreamStandIn(boolean withLatency, Duration hold) {
    this.withLatency = withLatency;
    this.hold = hold;
    this.server =
        LoopbackServer.start(routes -> routes.get("/repos/{owner}/{repository}", this::repository));
    this.port = server.port();
  }

  /** Starts a stand-in on a free loopback port; a hanging call is held for 8 s. */
  public static UpstreamStandIn start(boolean withLatency) {
    return start(withLatency, DEFAULT_HOLD);
  }

  /**
   * Starts a stand-in for the services of {@code settings}: a hanging call is held a second longer
   * than their client waits for one, so that the client gives up first, as with a real hang.
   */
  public static UpstreamStandIn start(UpstreamSettings settings) {
    Duration hold = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(1);
    return start(settings.standInLatency(), hold);
  }

  private static UpstreamStandIn start(boolean withLatency, Duration hold) {
    UpstreamStandIn standIn = new UpstreamStandIn(withLatency, hold);
    LOG.info(
        "repository API stand-in (offline mode) answering at {}{}",
        standIn.baseUrl(),
        withLatency ? "" : ", without delay");
    return standIn;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
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

  /** The drill running now, if one is. */
  public Optional<Running> drill() {
    return Optional.ofNullable(drill);
  }

  /** Whether the stand-in takes connections now: not while it is down. */
  public boolean listening() {
    return listening;
  }

  /**
   * Switches {@code fault} on in place of any drill running, for {@code lasting} at most: a drill
   * forgotten, or whose command was killed, ends by itself.
   */
  public synchronized Running switchOn(Fault fault, Duration lasting) {
    cancelTimers();
    Instant since = Instant.now();
    Running running = new Running(fault, since, since.plus(lasting), new AtomicLong());
    setDrill(running);
    switch (fault.drill()) {
      case DOWN -> listen(false);
      case FLAPPING -> {
        long turn = fault.duration().toMillis();
        boolean[] down = {false};
        turns =
            clock.scheduleAtFixedRate(
                () -> {
                  synchronized (this) {
                    // a turn that was already due as another drill took over changes nothing
                    if (drill == running) {
                      down[0] = !down[0];
                      listen(!down[0]);
                    }
                  }
                },
                0,
                turn,
                TimeUnit.MILLISECONDS);
      }
      default -> listen(true);
    }
    end =
        clock.schedule(
            () -> {
              synchronized (this) {
                // the end of a drill that another has taken over ends nothing
                if (drill == running) {
                  switchOff();
                }
              }
            },
            lasting.toMillis(),
            TimeUnit.MILLISECONDS);
    LOG.info(
        "drill {}{} switched on, for {} at most",
        fault.drill().command(),
        fault.grade().isEmpty() ? "" : " " + fault.grade(),
        lasting);
    return running;
  }

  /** Ends the drill running, if one is: the stand-in answers as before. */
  public synchronized void switchOff() {
    cancelTimers();
    Running stopped = drill;
    setDrill(null);
    listen(true);
    if (stopped != null) {
      LOG.info("drill {} switched off", stopped.fault().drill().command());
    }
  }

  private void setDrill(Running running) {
    synchronized (drillChanged) {
      drill = running;
      // a held call ends with the drill that holds it
      drillChanged.notifyAll();
    }
  }

  private void cancelTimers() {
    if (end != null) {
      end.cancel(false);
    }
    if (turns != null) {
      turns.cancel(false);
    }
  }

  /** Closes or opens the listening socket, on the same port: closed, a call is refused. */
  private synchronized void listen(boolean on) {
    if (listening == on) {
      return;
    }
    ServerConnector connector = (ServerConnector) server.jettyServer().server().getConnectors()[0];
    try {
      if (on) {
        connector.setPort(port);
        connector.start();
      } else {
        connector.stop();
      }
      listening = on;
    } catch (Exception e) {
      LOG.warn(
          "the stand-in could not {}: {}", on ? "listen again" : "stop listening", e.toString());
    }
  }

  private void repository(Context ctx) throws InterruptedException {
    if (ctx.header(WARM_UP_HEADER) == null) {
      long n = requests.getAndIncrement();
      Running running = drill;
      Duration latency = withLatency ? latency(n) : Duration.ZERO;
      if (running != null) {
        Fault fault = running.fault();
        long k = running.calls().getAndIncrement();
        switch (fault.drill()) {
          case SLOW -> latency = latency.plus(fault.duration());
          case HANG -> holdWhile(running);
          case SLOW_REPOSITORY -> {
            String name = ctx.pathParam("owner") + "/" + ctx.pathParam("repository");
            if (name.toLowerCase(Locale.ROOT).equals(fault.repository())) {
              holdWhile(running);
            }
          }
          case ERRORS -> {
            if (fault.isError(k)) {
              Thread.sleep(latency.toMillis());
              ctx.status(500)
                  .json(new ErrorBody("Server Error (drill errors " + fault.grade() + ")"));
              return;
            }
          }
          default -> {
            // down and flapping: the socket is closed, no call gets here
          }
        }
      }
      Thread.sleep(latency.toMillis());
    }
    ctx.json(Repository.of(ctx.pathParam("owner"), ctx.pathParam("repository")));
  }

  /** Holds a call while {@code running} lasts, and for no longer than the caller waits. */
  private void holdWhile(Running running) throws InterruptedException {
    long deadline = System.nanoTime() + hold.toNanos();
    synchronized (drillChanged) {
      long left;
      while (drill == running && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(drillChanged, left);
      }
    }
  }

  @Override
  public void close() {
    clock.shutdownNow();
    synchronized (drillChanged) {
      drill = null;
      drillChanged.notifyAll();
    }
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

  /** The real API's error body: {@code {"message": "..."}}. */
  record ErrorBody(String message) {}
}
