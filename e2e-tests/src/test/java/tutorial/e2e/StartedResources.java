package tutorial.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Everything a test class started, stopped in reverse order in {@code @AfterAll} even when a test
 * or the start-up itself failed halfway; then a check that none of their ports is still taken.
 */
final class Closer implements AutoCloseable {

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final List<Integer> ports = new ArrayList<>();

  /** Registers a started resource and returns it. */
  <T extends AutoCloseable> T add(T resource) {
    resources.push(resource);
    return resource;
  }

  /** A port, read while its server runs, to find free again after everything is closed. */
  void port(int port) {
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
      if (!isFree(port)) {
        taken.add(port);
      }
    }
    ports.clear();
    if (!taken.isEmpty()) {
      throw new AssertionError("still taken after the test stopped everything: ports " + taken);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
