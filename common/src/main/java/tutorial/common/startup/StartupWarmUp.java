package tutorial.common.startup;

import io.javalin.http.HandlerType;
import io.javalin.http.servlet.JavalinServlet;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Set-up that every start does and that needs none of the settings, begun on a second thread while
 * the main thread parses them. Each step below is one that the main thread meets later, in this
 * order, and would otherwise do alone: a start is one thread long, and the machine has a second
 * core. Class initialisation and call-site linking are thread-safe, so the main thread simply waits
 * at first use, or does the step itself, if this one is not there yet.
 */
public final class StartupWarmUp {

  private final CountDownLatch logging = new CountDownLatch(1);

  private StartupWarmUp() {}

  /** Starts the warm-up thread; the main thread waits on what this returns. */
  public static StartupWarmUp begin() {
    StartupWarmUp warmUp = new StartupWarmUp();
    Thread thread = new Thread(warmUp::run, "start-up-warm-up");
    thread.setDaemon(true);
    thread.start();
    return warmUp;
  }

  /**
   * Returns once slf4j is configured. A logger asked for on another thread while this one
   * configures it is a stand-in, and slf4j prints a warning when it replays the stand-in's calls.
   */
  public void awaitLogging() {
    try {
      logging.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      LoggerFactory.getILoggerFactory(); // slf4j-simple's configuration, with its date format
    } finally {
      logging.countDown();
    }
    // Javalin's router keys its maps by HandlerType, a record: its first hashCode and equals link
    // their call sites through ObjectMethods, which spins method handles that no cache keeps
    HandlerType.GET.equals(HandlerType.POST);
    HandlerType.GET.hashCode();
    initialise("jakarta.servlet.http.HttpServlet"); // reads its message bundle
    initialise("org.eclipse.jetty.http.MimeTypes"); // Jetty's MIME table, per available locale
    initialise("org.eclipse.jetty.http.HttpMethod");
    initialise("org.eclipse.jetty.util.VirtualThreads"); // probes the JDK by reflection
    new SecureRandom(); // the security providers, which Jetty's session id manager loads
    // Jetty asks the servlet for one annotation; the JDK parses all of them (Kotlin's @Metadata)
    JavalinServlet.class.getAnnotations();
    ZoneId.systemDefault().getRules(); // the time-zone database, for Jetty's start time
    try (ServerSocketChannel channel = ServerSocketChannel.open()) {
      // the JDK's socket options, loaded with the first channel (the connector's)
    } catch (IOException e) {
      // nothing to warm, then; the connector's own open reports what went wrong
    }
    // the month names, for Javalin's "released August 11, 2026"
    DateTimeFormatter.ofPattern("MMMM")
        .withLocale(Locale.US)
        .format(Instant.EPOCH.atOffset(ZoneOffset.UTC));
  }

  private static void initialise(String className) {
    try {
      Class.forName(className, true, StartupWarmUp.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
