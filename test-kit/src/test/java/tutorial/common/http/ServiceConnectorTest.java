package tutorial.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import tutorial.common.Service;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

class ServiceConnectorTest {

  @Test
  void theServiceListensWhereItIsToldWithRoomForABurstOfConnections() {
    Javalin javalin =
        ServiceServer.create(
            "test", TestSettings.service(), RunningService.metricsOnly(Service.registry(false)));
    try {
      javalin.start();
      Connector[] connectors = javalin.jettyServer().server().getConnectors();

      assertThat(connectors).hasSize(1);
      ServerConnector connector = (ServerConnector) connectors[0];
      assertThat(connector.getHost()).isEqualTo("127.0.0.1");
      assertThat(connector.getLocalPort()).isPositive().isEqualTo(javalin.port());
      assertThat(connector.getAcceptQueueSize())
          .isEqualTo(ServiceServer.ACCEPT_QUEUE)
          .isGreaterThan(50);
    } finally {
      javalin.stop();
    }
  }

  @Test
  void anAddressGivenAtTheStartWinsOverTheSettings() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = socket.getLocalPort();
    }
    Javalin javalin =
        ServiceServer.create(
            "test",
            TestSettings.service("--host=0.0.0.0"),
            RunningService.metricsOnly(Service.registry(false)));
    try {
      javalin.start("127.0.0.1", free);
      ServerConnector connector =
          (ServerConnector) javalin.jettyServer().server().getConnectors()[0];

      assertThat(connector.getHost()).isEqualTo("127.0.0.1");
      assertThat(javalin.port()).isEqualTo(free);
      assertThat(connector.getAcceptQueueSize()).isEqualTo(ServiceServer.ACCEPT_QUEUE);
    } finally {
      javalin.stop();
    }
  }
}
