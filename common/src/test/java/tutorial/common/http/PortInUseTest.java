package tutorial.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import org.junit.jupiter.api.Test;

class PortInUseTest {

  private static final String MOVE = "PORT=5001 (or --port=5001)";

  @Test
  void port5000AlsoNamesMacOsAirPlayReceiver() {
    String message = PortInUse.message("counters-app", 5000, MOVE);

    assertThat(message)
        .startsWith("counters-app: port 5000 is already in use.")
        .contains("choose another port: " + MOVE)
        .contains("AirPlay Receiver");
  }

  @Test
  void anotherPortIsNamedWithoutTheMacOsNote() {
    assertThat(PortInUse.message("gauges-app", 8080, "PORT=8081 (or --port=8081)"))
        .contains("port 8080 is already in use")
        .doesNotContain("AirPlay");
  }

  @Test
  void onlyABindFailureAnywhereInTheCausesIsExplained() {
    RuntimeException wrapped =
        new IllegalStateException("start failed", new BindException("Address already in use"));

    assertThat(PortInUse.explain("counters-app", 5000, MOVE, wrapped)).isPresent();
    assertThat(PortInUse.explain("counters-app", 5000, MOVE, new IllegalStateException("other")))
        .isEmpty();
  }
}
