package tutorial.common.upstream;

import java.time.Duration;

/**
 * A drill at its grade, as the stand-in plays it: the latency added ({@link Drill#SLOW}) or the
 * length of a turn ({@link Drill#FLAPPING}), the share of calls answered 500 ({@link
 * Drill#ERRORS}), the one repository that hangs ({@link Drill#SLOW_REPOSITORY}, lower case).
 *
 * @param grade as the learner sees it: {@code +1s}, {@code 50%}, or empty for a drill without
 */
public record Fault(
    Drill drill, String grade, Duration duration, double errorShare, String repository) {

  /**
   * Whether the {@code k}-th call since the drill began is one of the grade's share of errors: an
   * even spread (at 50 %, every other call), so that the error ratio is the grade from the first
   * calls on.
   */
  boolean isError(long k) {
    return Math.floor((k + 1) * errorShare) > Math.floor(k * errorShare);
  }
}
