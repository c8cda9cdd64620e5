package tutorial.exercise;

/**
 * What an exercise must do, judged from outside: the check drives the service's routes over HTTP
 * and reads its scrape, so that it judges a learner's compiled exercise, a chapter's finished app
 * and any running service, in any language, alike.
 */
@FunctionalInterface
interface Check {

  /** Returns when the service does what the exercise asks; else throws the first fault. */
  void run(Probe probe) throws Fault;

  /** {@code check}, for chaining with {@link #then}. */
  static Check of(Check check) {
    return check;
  }

  /** This check, then {@code next}. */
  default Check then(Check next) {
    return probe -> {
      run(probe);
      next.run(probe);
    };
  }
}
