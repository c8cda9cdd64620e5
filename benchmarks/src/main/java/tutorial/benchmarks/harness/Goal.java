package tutorial.benchmarks.harness;

/**
 * One goal of the performance issue (a "target" in BENCHMARKS.md) and how far a measurement is from
 * it.
 */
record Goal(String what, String measured, boolean met, String margin) {

  /** A "higher is better" goal: at least {@code goal}. */
  static Goal atLeast(String what, double value, double goal, String unit, String format) {
    String measured = String.format(format, value) + unit;
    double diff = value - goal;
    String margin =
        String.format(format, Math.abs(diff))
            + unit
            + String.format(" (%+.0f%%)", 100 * diff / goal);
    return new Goal(what, measured, value >= goal, margin);
  }

  /** A "lower is better" goal: under {@code goal}. */
  static Goal under(String what, double value, double goal, String unit, String format) {
    String measured = String.format(format, value) + unit;
    double diff = goal - value;
    String margin =
        String.format(format, Math.abs(diff))
            + unit
            + String.format(" (%+.0f%%)", 100 * (value - goal) / goal);
    return new Goal(what, measured, value < goal, margin);
  }

  String verdict() {
    return met ? "**met**, by " + margin : "**missed**, by " + margin;
  }
}
