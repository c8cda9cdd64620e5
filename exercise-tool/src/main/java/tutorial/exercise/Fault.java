package tutorial.exercise;

/**
 * What is wrong with an exercise, in one short sentence in the learner's words, with the place to
 * change (the step named in the exercise's {@code TODO}) and the client_java call that does it.
 * Thrown by a check at the first fault it finds: one reason per failure, as a compiler gives one
 * error per line.
 *
 * @param step the {@code TODO(step)} of the exercise file that the fault belongs to, or null when
 *     it belongs to no step (the app does not start, say)
 * @param call the client_java call that does it, or null
 */
final class Fault extends Exception {

  private final String step;
  private final String call;

  Fault(String reason, String step, String call) {
    super(reason, null, false, false);
    this.step = step;
    this.call = call;
  }

  /** A fault outside the instrumentation: the app does not compile, start or answer. */
  static Fault of(String reason) {
    return new Fault(reason, null, null);
  }

  String reason() {
    return getMessage();
  }

  String step() {
    return step;
  }

  String call() {
    return call;
  }
}
