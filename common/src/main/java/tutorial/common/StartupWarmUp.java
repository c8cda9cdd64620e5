package tutorial.common;

import org.slf4j.LoggerFactory;

/**
 * Set-up that every start does and that needs none of the settings, begun on a second thread while
 * the main thread parses them. Both load the JDK's locale and time-zone data, which takes 30-50 ms
 * of a start that is otherwise one thread long; class initialisation is thread-safe, so the main
 * thread simply waits at first use if this one is not done yet.
 */
final class StartupWarmUp {

  private StartupWarmUp() {}

  static void begin() {
    Thread thread = new Thread(StartupWarmUp::run, "start-up-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    LoggerFactory.getILoggerFactory(); // slf4j-simple's configuration, with its date format
    initialise("org.eclipse.jetty.http.MimeTypes"); // Jetty's MIME table, per available locale
  }

  private static void initialise(String className) {
    try {
      Class.forName(className, true, StartupWarmUp.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
