package tutorial.common.upstream;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import tutorial.commandline.DurationConverter;
import tutorial.commandline.Settings;
import tutorial.commandline.Values;
import tutorial.common.tracing.Tracing;

/**
 * Settings of the services that call the repository API (histograms-app and summaries-app). Added
 * to a service's command line as a picocli mixin, so only those services list them in {@code
 * --help}.
 */
public final class UpstreamSettings implements Settings {

  /** The drill port's distance from the service's. */
  public static final int DRILL_PORT_OFFSET = 10000;

  private String apiUrl;
  private String token;
  private boolean offline;
  private boolean standInLatency;
  private Duration connectTimeout;
  private Duration readTimeout;
  private int maxCalls;
  private boolean tracing;
  private Integer drillPort;
  private int servicePort;

  @Override
  public CommandSpec options() {
    return Settings.group()
        .option(
            "--github-api-url",
            String.class,
            Values.httpUrl(),
            "${env:GITHUB_API_URL:-https://api.github.com}",
            value -> apiUrl = value,
            "Base URL of the repository API (env GITHUB_API_URL, default ${DEFAULT-VALUE}).")
        .option(
            "--github-token",
            String.class,
            "${env:GITHUB_TOKEN}",
            value -> token = value,
            "Token sent as 'Authorization: Bearer ...', for the API's higher rate limit"
                + " (env GITHUB_TOKEN, default none).")
        .option(
            "--offline",
            boolean.class,
            "${env:OFFLINE:-false}",
            value -> offline = value,
            "Answer /repos/... from the embedded stand-in for the repository API instead of"
                + " GITHUB_API_URL, with realistic, varied latencies (env OFFLINE, default"
                + " ${DEFAULT-VALUE}).")
        .option(
            "--stand-in-latency",
            boolean.class,
            "${env:STAND_IN_LATENCY:-true}",
            value -> standInLatency = value,
            "With --offline: delay the stand-in's answers as a real API would; false answers at"
                + " once (env STAND_IN_LATENCY, default ${DEFAULT-VALUE}).")
        .option(
            "--connect-timeout",
            Duration.class,
            new DurationConverter(),
            "${env:CONNECT_TIMEOUT:-2s}",
            value -> connectTimeout = value,
            "Upstream connect timeout (env CONNECT_TIMEOUT, default ${DEFAULT-VALUE}).")
        .option(
            "--read-timeout",
            Duration.class,
            new DurationConverter(),
            "${env:READ_TIMEOUT:-5s}",
            value -> readTimeout = value,
            "Upstream read timeout; a slower answer becomes 504 (env READ_TIMEOUT, default"
                + " ${DEFAULT-VALUE}).")
        .option(
            "--max-upstream-calls",
            int.class,
            Values.positiveInteger(),
            "${env:MAX_UPSTREAM_CALLS:-64}",
            value -> maxCalls = value,
            "Calls that may wait for the repository API at once, a quarter of them for any one"
                + " repository; more are refused at once with 503, so that a hanging API cannot"
                + " hold every request thread and /metrics keeps answering (env MAX_UPSTREAM_CALLS,"
                + " default ${DEFAULT-VALUE}).")
        .option(
            "--drill-port",
            Integer.class,
            Values.port(),
            "${env:DRILL_PORT}",
            value -> drillPort = value,
            "Loopback port of the switch for ./drill's faults in the offline stand-in, never the"
                + " service's own port (env DRILL_PORT, default the service's port + 10000, as"
                + " 15000; 0 a free one).")
        .option(
            "--tracing",
            boolean.class,
            "${env:TRACING:-true}",
            value -> tracing = value,
            "Trace each /repos/... request and its call to the API with OpenTelemetry: spans in the"
                + " log, the trace id in the 'traceresponse' header and the access log, and as an"
                + " exemplar on the histogram's buckets (OpenMetrics only) (env TRACING, default"
                + " ${DEFAULT-VALUE}).")
        .build();
  }

  public String apiUrl() {
    return apiUrl;
  }

  public String token() {
    return token;
  }

  public boolean offline() {
    return offline;
  }

  public boolean standInLatency() {
    return standInLatency;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public int maxCalls() {
    return maxCalls;
  }

  /** The service's own port, from which the drill port's default follows. */
  public void servicePort(int port) {
    servicePort = port;
  }

  /**
   * Where the drill switch listens: {@code --drill-port}, else the service's port + 10000 (5000:
   * 15000), so that {@code ./drill} finds it from the port it knows; 0, a free port, when there is
   * no such port.
   */
  public int drillPort() {
    if (drillPort != null) {
      return drillPort;
    }
    int derived = servicePort + DRILL_PORT_OFFSET;
    return servicePort > 0 && derived <= 65535 ? derived : 0;
  }

  @Override
  public Optional<String> noteAtStart() {
    return offline
        ? Optional.of("offline: the embedded stand-in answers /repos/..., not " + apiUrl)
        : Optional.empty();
  }

  /** The tracing these settings ask for: {@link Tracing#start()}, or off with --tracing=false. */
  public Tracing tracing() {
    return tracing ? Tracing.start() : Tracing.off();
  }
}
