package tutorial.common.http;

import java.net.BindException;
import java.util.Optional;

/** The start-up message for the failure a learner meets first: the port is already taken. */
public final class PortInUse {

  private PortInUse() {}

  /**
   * A message naming the port and how to change it, if {@code failure} is a port in use; {@code
   * howToMove} is the setting to change, e.g. {@code PORT=5001 (or --port=5001)}.
   */
  public static Optional<String> explain(
      String name, int port, String howToMove, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return Optional.of(message(name, port, howToMove));
      }
    }
    return Optional.empty();
  }

  static String message(String name, int port, String howToMove) {
    String advice =
        name
            + ": port "
            + port
            + " is already in use. Stop what listens there, or choose another"
            + " port: "
            + howToMove
            + ".";
    // AirPlay Receiver holds port 5000 on macOS 12 and later
    return port == 5000
        ? advice
            + "\nOn macOS, port 5000 is AirPlay Receiver's: turn it off in System Settings >"
            + " General > AirDrop & Handoff, or use another port."
        : advice;
  }
}
