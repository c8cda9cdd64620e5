package tutorial.e2e;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tutorial.testkit.Ports;

/**
 * Everything a test class started, stopped in reverse order in {@code @AfterAll} even when a test
 * or the start-up itself failed halfway; then a check that none of their ports is still taken.
 */
final class StartedResources implements AutoCloseable {

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<Integer> ports = new ArrayList<>();

  /** Registers a started resource and returns it. */
  <T extends AutoCloseable> T add(T resource) {
    resources.push(resource);
    return resource;
  }

  /** A port, read while its server runs, to find free again after everything is closed. */
  void expectFreed(int port) {
    ports.add(port);
  }

  @Override
  public void close() {
    AssertionError failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception | Error e) {
        if (failure == null) {
          failure = new AssertionError("could not stop everything the test started", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    List<Integer> taken = new ArrayList<>();
    for (int port : ports) {
      if (!Ports.isFree(port)) {
        taken.add(port);
      }
    }
    ports.clear();
    if (!taken.isEmpty()) {
      throw new AssertionError("still taken after the test stopped everything: ports " + taken);
    }
  }
}
