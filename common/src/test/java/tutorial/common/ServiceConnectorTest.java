package tutorial.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import tutorial.common.testing.RunningService;
import tutorial.common.testing.TestSettings;

class ServiceConnectorTest {

  @Test
  void theServiceListensWhereItIsToldWithRoomForABurstOfConnections() {
    Javalin javalin =
        Service.create(TestSettings.service(), RunningService.metricsOnly(Service.registry(false)));
    try {
      javalin.start();
      Connector[] connectors = javalin.jettyServer().server().getConnectors();

      assertThat(connectors).hasSize(1);
      ServerConnector connector = (ServerConnector) connectors[0];
      assertThat(connector.getHost()).isEqualTo("127.0.0.1");
      assertThat(connector.getLocalPort()).isPositive().isEqualTo(javalin.port());
      assertThat(connector.getAcceptQueueSize()).isEqualTo(Service.ACCEPT_QUEUE).isGreaterThan(50);
    } finally {
      javalin.stop();
    }
  }
}
