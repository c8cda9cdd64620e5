package tutorial.exercise;

/**
 * One checker for all the tests of a run, as one watcher serves a learner's session: its spare JVM
 * is warm for the next test, and it is closed when the tests' JVM ends (the hosts end with it).
 */
final class SharedChecker {

  private static Checker checker;

  private SharedChecker() {}

  static synchronized Checker get() {
    if (checker == null) {
      Checker started = new Checker(true, true);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      checker = started;
    }
    return checker;
  }
}
