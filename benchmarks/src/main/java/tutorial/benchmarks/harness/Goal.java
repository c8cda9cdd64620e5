package tutorial.benchmarks.harness;

/** One target of the performance issue and how far a measurement is from it. */
record Target(String what, String measured, boolean met, String margin) {

  /** A "higher is better" target: at least {@code goal}. */
  static Target atLeast(String what, double value, double goal, String unit, String format) {
    String measured = String.format(format, value) + unit;
    double diff = value - goal;
    String margin =
        String.format(format, Math.abs(diff))
            + unit
            + String.format(" (%+.0f%%)", 100 * diff / goal);
    return new Target(what, measured, value >= goal, margin);
  }

  /** A "lower is better" target: under {@code goal}. */
  static Target under(String what, double value, double goal, String unit, String format) {
    String measured = String.format(format, value) + unit;
    double diff = goal - value;
    String margin =
        String.format(format, Math.abs(diff))
            + unit
            + String.format(" (%+.0f%%)", 100 * (value - goal) / goal);
    return new Target(what, measured, value < goal, margin);
  }

  String verdict() {
    return met ? "**met**, by " + margin : "**missed**, by " + margin;
  }
}
