package tutorial.common.settings;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import tutorial.commandline.CommandLines;
import tutorial.commandline.DurationConverter;
import tutorial.commandline.HelpOption;
import tutorial.commandline.Settings;
import tutorial.commandline.Values;
import tutorial.common.http.MetricsAccess;

/**
 * The settings every service shares. Each is a command-line flag whose default comes from an
 * environment variable of the same meaning, so {@code PORT=8080 java -jar app.jar} and {@code java
 * -jar app.jar --port=8080} do the same; {@code --help} lists them all.
 */
public final class ServiceSettings implements Settings {

  private int port;
  private String host;
  private boolean requestLog;
  private boolean jvmMetrics;
  private Duration stopTimeout;
  private String metricsUsername;
  private String metricsPassword;
  private String metricsToken;

  /**
   * The settings of service {@code name} from {@code args} and the environment, with the app's own
   * groups filled too; null after {@code --help}. A bad flag or variable exits with status 2.
   */
  public static ServiceSettings parse(
      String name, String[] args, List<? extends Settings> appSettings) {
    ServiceSettings settings = new ServiceSettings();
    CommandSpec command = CommandSpec.create().name(name);
    command
        .usageMessage()
        .sortOptions(false)
        .width(100)
        .description(
            "One example service of the tutorial \"Application Instrumentation in Practice\".",
            "Every setting can also be given as the environment variable named in its description.",
            "");
    command.addMixin("service", settings.options());
    for (Settings group : appSettings) {
      command.addMixin(group.getClass().getSimpleName(), group.options());
    }
    HelpOption.addTo(command);
    // a half-set login is refused now, not at the first scrape
    return CommandLines.parseOrExit(name, new CommandLine(command), args, settings::metricsAccess)
        ? settings
        : null;
  }

  @Override
  public CommandSpec options() {
    return Settings.group()
        .option(
            "--port",
            int.class,
            Values.port(),
            "${env:PORT:-5000}",
            value -> port = value,
            "Port to listen on; 0 picks a free one (env PORT, default ${DEFAULT-VALUE}).")
        .option(
            "--host",
            String.class,
            Values.listenAddress(),
            "${env:HOST:-0.0.0.0}",
            value -> host = value,
            "Address to bind (env HOST, default ${DEFAULT-VALUE}).")
        .option(
            "--request-log",
            boolean.class,
            "${env:REQUEST_LOG:-true}",
            value -> requestLog = value,
            "Write one access-log line per request to stderr, off the request thread"
                + " (env REQUEST_LOG, default ${DEFAULT-VALUE}).")
        .option(
            "--jvm-metrics",
            boolean.class,
            "${env:JVM_METRICS:-true}",
            value -> jvmMetrics = value,
            "Expose the standard JVM and process metrics, as the Python client's default registry"
                + " does (env JVM_METRICS, default ${DEFAULT-VALUE}).")
        .option(
            "--stop-timeout",
            Duration.class,
            new DurationConverter(),
            "${env:STOP_TIMEOUT:-10s}",
            value -> stopTimeout = value,
            "How long SIGTERM waits for in-flight requests, e.g. 10s or 500ms"
                + " (env STOP_TIMEOUT, default ${DEFAULT-VALUE}).")
        .option(
            "--metrics-username",
            String.class,
            "${env:METRICS_USERNAME}",
            value -> metricsUsername = value,
            "With --metrics-password: /metrics asks for these basic-auth credentials"
                + " (env METRICS_USERNAME, default none: open, as in the tutorial).")
        .option(
            "--metrics-password",
            String.class,
            "${env:METRICS_PASSWORD}",
            value -> metricsPassword = value,
            "Password for --metrics-username; prefer the variable (env METRICS_PASSWORD).")
        .option(
            "--metrics-token",
            String.class,
            "${env:METRICS_TOKEN}",
            value -> metricsToken = value,
            "/metrics asks for 'Authorization: Bearer <token>'; prefer the variable"
                + " (env METRICS_TOKEN, default none).")
        .build();
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

  /**
   * Who may scrape: open unless a token or a username and password are set.
   *
   * @throws IllegalArgumentException for a half or double configuration, which must not fall back
   *     to an open endpoint
   */
  public MetricsAccess metricsAccess() {
    boolean basic = metricsUsername != null || metricsPassword != null;
    if (basic && metricsToken != null) {
      throw new IllegalArgumentException(
          "set either METRICS_TOKEN or METRICS_USERNAME and METRICS_PASSWORD, not both");
    }
    if (basic) {
      if (isBlank(metricsUsername) || isBlank(metricsPassword)) {
        throw new IllegalArgumentException(
            "METRICS_USERNAME and METRICS_PASSWORD must both be set, and not empty");
      }
      return MetricsAccess.basic(metricsUsername, metricsPassword);
    }
    if (metricsToken == null) {
      return MetricsAccess.open();
    }
    if (isBlank(metricsToken)) {
      throw new IllegalArgumentException("METRICS_TOKEN must not be empty");
    }
    return MetricsAccess.bearer(metricsToken);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
