package tutorial.benchmarks.jmh;

import java.util.SplittableRandom;

/**
 * Observed values for the histogram and summary benchmarks: request durations shaped like the
 * upstream stand-in's (log-normal, median 0.2 s), seeded, so every run observes the same values and
 * they land in different buckets as real ones do.
 */
final class Latencies {

  private static final int SIZE = 1024; // a power of two: the index wraps with a mask

  private final double[] values = new double[SIZE];
  private int next;

  Latencies(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < SIZE; i++) {
      values[i] = 0.2 * Math.exp(0.6 * random.nextGaussian());
    }
  }

  double next() {
    next = (next + 1) & (SIZE - 1);
    return values[next];
  }
}
