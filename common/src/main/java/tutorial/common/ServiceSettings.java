package tutorial.common;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The settings every service shares. Each is a command-line flag whose default comes from an
 * environment variable of the same meaning, so {@code PORT=8080 java -jar app.jar} and {@code java
 * -jar app.jar --port=8080} do the same; {@code --help} lists them all.
 */
public final class ServiceSettings {

  @Option(
      names = "--port",
      defaultValue = "${env:PORT:-5000}",
      description = "Port to listen on; 0 picks a free one (env PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:HOST:-0.0.0.0}",
      description = "Address to bind (env HOST, default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--request-log",
      arity = "1",
      defaultValue = "${env:REQUEST_LOG:-true}",
      description =
          "Write one access-log line per request to stderr, off the request thread"
              + " (env REQUEST_LOG, default ${DEFAULT-VALUE}).")
  boolean requestLog;

  @Option(
      names = "--jvm-metrics",
      arity = "1",
      defaultValue = "${env:JVM_METRICS:-true}",
      description =
          "Expose the standard JVM and process metrics, as the Python client's default registry"
              + " does (env JVM_METRICS, default ${DEFAULT-VALUE}).")
  boolean jvmMetrics;

  @Option(
      names = "--stop-timeout",
      defaultValue = "${env:STOP_TIMEOUT:-10s}",
      converter = DurationConverter.class,
      description =
          "How long SIGTERM waits for in-flight requests, e.g. 10s or 500ms"
              + " (env STOP_TIMEOUT, default ${DEFAULT-VALUE}).")
  Duration stopTimeout;

  /**
   * Settings for a service started inside a test: loopback, a free port, no access log, and the
   * JVM metrics on as in a real start, so that tests prove their filtered scrapes ignore them.
   */
  public static ServiceSettings forTests() {
    ServiceSettings settings = new ServiceSettings();
    settings.port = 0;
    settings.host = "127.0.0.1";
    settings.requestLog = false;
    settings.jvmMetrics = true;
    settings.stopTimeout = Duration.ofSeconds(5);
    return settings;
  }

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }

  public boolean requestLog() {
    return requestLog;
  }

  public boolean jvmMetrics() {
    return jvmMetrics;
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  /** These settings, bound to a free port on 127.0.0.1. */
  public ServiceSettings withFreeLoopbackPort() {
    this.host = "127.0.0.1";
    this.port = 0;
    return this;
  }

  public ServiceSettings withJvmMetrics(boolean enabled) {
    this.jvmMetrics = enabled;
    return this;
  }
}
