package tutorial.benchmarks.harness;

import java.time.Duration;
import java.util.List;

/**
 * How long each part of the harness runs. The full plan follows what the measurements in
 * shared/notes showed: on 2 cores the JIT needs 20-30 s of load before numbers settle, and two
 * alternated rounds per route cancel most of the drift between runs.
 */
record Plan(
    String mode,
    Duration warmupPerRoute,
    Duration minWarmupPerJvm,
    Duration run,
    int rounds,
    int startupRuns,
    Duration memoryLoad,
    boolean memoryPerSetting,
    Jmh updates,
    Jmh scrapes,
    List<String> wrkLoad) {

  /**
   * wrk and the JVM share the two cores: one wrk thread with 16 connections leaves one to the JVM.
   */
  static final List<String> DEFAULT_LOAD = List.of("-t1", "-c16");

  /** JMH iterations, all in one fork. */
  record Jmh(int warmups, Duration warmupTime, int iterations, Duration iterationTime) {}

  static Plan full() {
    return new Plan(
        "full",
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        2,
        5,
        Duration.ofSeconds(60),
        true,
        new Jmh(3, Duration.ofSeconds(1), 3, Duration.ofSeconds(1)),
        // a 100k-series scrape takes a large part of a second: the JIT needs several of them
        new Jmh(4, Duration.ofSeconds(2), 3, Duration.ofSeconds(2)),
        DEFAULT_LOAD);
  }

  /** A few minutes: checks that everything runs; its numbers are rough (little JIT warm-up). */
  static Plan forQuickCheck() {
    return new Plan(
        "quick",
        Duration.ofSeconds(3),
        Duration.ofSeconds(6),
        Duration.ofSeconds(3),
        1,
        3,
        Duration.ofSeconds(10),
        false,
        new Jmh(1, Duration.ofMillis(500), 2, Duration.ofMillis(500)),
        new Jmh(2, Duration.ofSeconds(1), 2, Duration.ofSeconds(1)),
        DEFAULT_LOAD);
  }

  boolean isQuick() {
    return mode.equals("quick");
  }

  Plan withLoad(List<String> load) {
    return new Plan(
        mode,
        warmupPerRoute,
        minWarmupPerJvm,
        run,
        rounds,
        startupRuns,
        memoryLoad,
        memoryPerSetting,
        updates,
        scrapes,
        load);
  }
}
