package tutorial.compare;

import java.util.Comparator;
import java.util.List;

/**
 * An exposition that its format forbids, with every problem found up to {@link #MAX_PROBLEMS}: the
 * OpenMetrics specification holds a partial or invalid exposition erroneous in its entirety, so
 * none of it is read.
 */
public final class InvalidExposition extends IllegalArgumentException {

  /** A reader stops after this many: a broken generator repeats its mistake on every line. */
  public static final int MAX_PROBLEMS = 20;

  private final List<Problem> problems;

  InvalidExposition(List<Problem> problems) {
    super(first(problems).render() + (problems.size() > 1 ? " (and more)" : ""));
    // in the order of the lines: the rules across lines are checked after them
    this.problems = problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
  }

  private static Problem first(List<Problem> problems) {
    return problems.stream().min(Comparator.comparingInt(Problem::line)).orElseThrow();
  }

  public List<Problem> problems() {
    return problems;
  }
}
