package tutorial.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A port is free until a server listens on it, and free again once that server is closed. */
class PortsTest {

  @Test
  void aPortIsTakenWhileAServerHoldsItAndFreeOnceItIsClosed() throws IOException {
    int port = Ports.free();
    assertThat(Ports.isFree(port)).as("before the server").isTrue();

    try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(Ports.isFree(port)).as("while the server listens").isFalse();
    }

    assertThat(Ports.isFree(port)).as("after the server").isTrue();
  }
}
