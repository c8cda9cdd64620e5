package tutorial.common.http;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * SIGTERM (what {@code kill}, systemd and container runtimes send) and Ctrl-C stop the server
 * gracefully: it refuses new connections, lets in-flight requests finish within the stop timeout,
 * and then the process exits with status 0, a clean stop. The JVM's own handling would end the
 * process with status 143 whatever the hooks do.
 */
public final class GracefulStop {

  private GracefulStop() {}

  public static void onSignals(Runnable stopServer) {
    AtomicBoolean stopping = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            if (stopping.compareAndSet(false, true)) {
              // not on the signal thread: the stop blocks while requests drain
              Thread stop =
                  new Thread(
                      () -> {
                        stopServer.run();
                        System.exit(0);
                      },
                      "graceful-stop");
              // a thread started by the signal thread would be a daemon: the JVM would end as
              // soon as the stop closes the last server, before what follows it has run
              stop.setDaemon(false);
              stop.start();
            }
          });
    }
  }
}
