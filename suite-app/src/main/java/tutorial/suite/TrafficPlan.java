package tutorial.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the suite's traffic asks for next: a seeded, varied mix over every service's routes, so the
 * same seed gives the same sequence (client_java's benchmarks and examples seed theirs too).
 *
 * <ul>
 *   <li>counters: {@code /} twice as often as {@code /about}, so the two counters part;
 *   <li>gauges: {@code /add/N} and {@code /remove/N}, balanced around a target size that swings
 *       slowly between 5 and 25, so the gauge goes up and down in waves;
 *   <li>histograms and summaries: {@code /repos/...} for a few known repositories, whose durations
 *       come from the stand-in's realistic latencies;
 *   <li>custom metrics: {@code GET /state}, and now and then {@code POST /state/{state}}.
 * </ul>
 *
 * <p>A service is its chapter's index in chapters.tsv, the order in which the suite starts them.
 */
final class TrafficPlan {

  /** One request: which service (its index in the suite), the method and the path. */
  record Call(int service, String method, String path) {}

  static final int COUNTERS = 0;
  static final int GAUGES = 1;
  static final int HISTOGRAMS = 2;
  static final int SUMMARIES = 3;
  static final int CUSTOM = 4;

  static final List<String> REPOSITORIES =
      List.of(
          "prometheus/prometheus",
          "apache/kafka",
          "moby/moby",
          "grafana/grafana",
          "kubernetes/kubernetes",
          "prometheus/client_java");

  /** One wave of the gauge's target size, in calls. */
  private static final int WAVE = 2400;

  private final SplittableRandom random;
  private final boolean withRepositories;
  private final List<Long> inList = new ArrayList<>();
  private int pendingAdds;
  private long calls;

  TrafficPlan(long seed, boolean withRepositories) {
    this.random = new SplittableRandom(seed);
    this.withRepositories = withRepositories;
  }

  synchronized Call next() {
    calls++;
    int roll = random.nextInt(100);
    if (!withRepositories && roll >= 52 && roll < 88) {
      roll = random.nextInt(52); // the /repos share goes to the other services
    }
    if (roll < 22) {
      return new Call(COUNTERS, "GET", "/");
    }
    if (roll < 32) {
      return new Call(COUNTERS, "GET", "/about");
    }
    if (roll < 52) {
      return gauge();
    }
    if (roll < 70) {
      return new Call(HISTOGRAMS, "GET", "/repos/" + repository());
    }
    if (roll < 88) {
      return new Call(SUMMARIES, "GET", "/repos/" + repository());
    }
    if (roll < 98) {
      return new Call(CUSTOM, "GET", "/state");
    }
    return new Call(CUSTOM, "POST", "/state/" + state());
  }

  /** The service answered an {@code /add/N}: N is in its list and may be removed. */
  synchronized void added(long number, boolean ok) {
    pendingAdds--;
    if (ok) {
      inList.add(number);
    }
  }

  synchronized int size() {
    return inList.size() + pendingAdds;
  }

  private Call gauge() {
    double target = 15 + 10 * Math.sin(2 * Math.PI * calls / WAVE);
    double addChance = Math.max(0.1, Math.min(0.9, 0.5 + (target - size()) / 10));
    if (inList.isEmpty() || random.nextDouble() < addChance) {
      pendingAdds++;
      return new Call(GAUGES, "GET", "/add/" + random.nextInt(1000));
    }
    // taken off before the answer, so that no two calls remove the same number
    long number = inList.remove(random.nextInt(inList.size()));
    return new Call(GAUGES, "GET", "/remove/" + number);
  }

  private String repository() {
    return REPOSITORIES.get(random.nextInt(REPOSITORIES.size()));
  }

  private String state() {
    int roll = random.nextInt(10);
    return roll < 5 ? "running" : roll < 7 ? "loading" : roll < 9 ? "stopped" : "missing";
  }
}
