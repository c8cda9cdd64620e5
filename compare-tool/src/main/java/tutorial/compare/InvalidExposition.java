package tutorial.compare;

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
    super(problems.get(0).render() + (problems.size() > 1 ? " (and more)" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
