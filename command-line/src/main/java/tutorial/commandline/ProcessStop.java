package tutorial.commandline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process the project started as Ctrl-C or a service manager stops it: SIGTERM, a bounded
 * grace to exit, then SIGKILL. The one stop of the topology's parts, the benchmark's services and
 * the tests' processes; here, not in the test kit, because the topology's main code needs it too.
 */
public final class ProcessStop {

  /** How long a killed process is given to be gone: SIGKILL cannot be caught, so this is ample. */
  public static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private ProcessStop() {}

  /**
   * SIGTERM, then SIGKILL if the process has not exited within {@code grace}; returns once it is
   * gone, or {@link #KILL_WAIT} after the SIGKILL. Interrupted while it waits, it kills the process
   * at once and keeps the thread's interrupt status.
   */
  public static void stop(Process process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process, KILL_WAIT);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * As {@link #stop}, then SIGKILL to every process it had started: a wrapper script's child is not
   * reached by the SIGTERM to the script, and must not outlive it.
   */
  public static void stopWithDescendants(Process process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> descendants = process.descendants().toList();
    try {
      stop(process, grace);
    } finally {
      descendants.forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * SIGKILL at once if the process still runs, then waits up to {@code wait} until it is gone (and
   * its ports with it). Interrupted, it returns with the thread's interrupt status kept.
   */
  public static void kill(Process process, Duration wait) {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
