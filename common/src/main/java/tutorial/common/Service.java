package tutorial.common;

import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What every example service shares: the Javalin set-up around an app's routes ({@code /metrics},
 * {@code /health}, JSON errors, access log, graceful stop) and the start-up from the command line.
 */
public final class Service {

  public static final String HEALTH_PATH = "/health";

  /**
   * The buffer Javalin copies each response through, new for every response. Javalin's default is
   * Jetty's output buffer, 32 kB: seven tenths of all the memory a request allocated, so the young
   * generation filled, and was collected, about three times as often as the requests needed. The
   * JDK's own copy loop ({@code InputStream.transferTo}) uses this size; Jetty still buffers the
   * output.
   */
  static final int RESPONSE_COPY_BUFFER = 8 * 1024;

  /** Connections the kernel may hold for the service before it accepts them. */
  static final int ACCEPT_QUEUE = 1024;

  static {
    JettyTuning.skipCacheLineProbe();
  }

  private Service() {}

  /** The service's registry: its own, never the global default, so apps can share a JVM. */
  public static PrometheusRegistry registry(boolean jvmMetrics) {
    PrometheusRegistry registry = new PrometheusRegistry();
    if (jvmMetrics) {
      RuntimeMetrics.register(registry);
    }
    return registry;
  }

  /**
   * The app's routes and the shared wiring, in an unstarted Javalin: the login that guards {@code
   * /metrics} when one is set, {@code /health}, JSON errors, the access log and the graceful stop.
   */
  public static Javalin create(ServiceSettings settings, TutorialApp app) {
    MetricsAccess access = settings.metricsAccess();
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jetty.host = settings.host();
          config.jetty.port = settings.port();
          // read when the server starts, so that start(host, port) still chooses the address
          config.jetty.addConnector(
              (server, http) -> connector(server, http, config.jetty.host, config.jetty.port));
          config.http.prefer405over404 = true;
          config.http.responseBufferSize = RESPONSE_COPY_BUFFER;
          config.jetty.modifyServer(
              server -> {
                // Jetty's default of 0 cuts in-flight requests off at SIGTERM
                server.setStopTimeout(settings.stopTimeout().toMillis());
                server.setErrorHandler(new JsonErrorHandler());
                if (settings.requestLog()) {
                  server.setRequestLog(RequestLog.toStandardError());
                }
              });
          ErrorResponses.addTo(config.routes);
          if (!access.isOpen()) {
            config.routes.before(MetricsEndpoint.PATH, access::check);
          }
          config.routes.get(HEALTH_PATH, ctx -> ctx.json(Map.of("status", "UP")));
          app.addRoutes(config.routes);
        });
  }

  /**
   * Javalin's own connector, with room for a burst of connections: Jetty's default accept queue
   * (the JDK's 50) drops the connections past it during a burst, and each dropped one waits a
   * second or more for its client to try again (a thousand calls at once met that while the API
   * hung). The kernel caps the queue at {@code net.core.somaxconn}.
   */
  private static ServerConnector connector(
      Server server, HttpConfiguration http, String host, int port) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    return connector;
  }

  /** Builds an app that has no settings of its own. */
  @FunctionalInterface
  public interface AppFactory {
    TutorialApp create(PrometheusRegistry registry);
  }

  /** Builds an app from its own settings, as parsed from the command line. */
  @FunctionalInterface
  public interface AppWithSettingFactory<A> {
    TutorialApp create(PrometheusRegistry registry, A settings);
  }

  /** Builds an app from its two groups of settings, as parsed from the command line. */
  @FunctionalInterface
  public interface AppWithSettingsFactory<A, B> {
    TutorialApp create(PrometheusRegistry registry, A first, B second);
  }

  /**
   * Parses the command line, builds the app with its registry and starts it; stops it gracefully on
   * SIGTERM or Ctrl-C.
   */
  public static void run(String name, String[] args, AppFactory app) {
    launch(name, args, app);
  }

  /**
   * As {@link #run(String, String[], AppFactory)}, for an app with settings of its own: {@code
   * settings} is a picocli mixin, listed in {@code --help} and filled from the command line and the
   * environment before {@code app} gets it.
   */
  public static <A extends Settings> void run(
      String name, String[] args, A settings, AppWithSettingFactory<A> app) {
    launch(name, args, registry -> app.create(registry, settings), settings);
  }

  /**
   * As {@link #run(String, String[], AppFactory)}, for an app with two groups of settings: {@code
   * first} and {@code second} are picocli mixins, listed in {@code --help} and filled from the
   * command line and the environment before {@code app} gets them.
   */
  public static <A extends Settings, B extends Settings> void run(
      String name, String[] args, A first, B second, AppWithSettingsFactory<A, B> app) {
    launch(name, args, registry -> app.create(registry, first, second), first, second);
  }

  /** Parses {@code args} with the app's own {@code mixins}, then builds and starts the app. */
  private static void launch(String name, String[] args, AppFactory app, Settings... mixins) {
    StartupWarmUp warmUp = StartupWarmUp.begin();
    ServiceSettings settings = parse(name, args, mixins);
    if (settings == null) {
      return;
    }
    warmUp.awaitLogging(); // before the first logger of the app, Javalin or Jetty
    Javalin javalin = create(settings, app.create(registry(settings.jvmMetrics())));
    try {
      javalin.start();
    } catch (RuntimeException e) {
      int other = settings.port() + 1;
      PortInUse.explain(name, settings.port(), "PORT=" + other + " (or --port=" + other + ")", e)
          .ifPresent(message -> exit(message, 1));
      throw e;
    }
    GracefulStop.onSignals(javalin::stop);
    LoggerFactory.getLogger(Service.class)
        .info(
            "{} listening on http://{}:{}, metrics at {}",
            name,
            settings.host(),
            javalin.port(),
            MetricsEndpoint.PATH);
  }

  /** The settings, or null after {@code --help}; exits with status 2 on a bad flag or variable. */
  static ServiceSettings parse(String name, String[] args, Settings... appSettings) {
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
    for (Settings mixin : appSettings) {
      command.addMixin(mixin.getClass().getSimpleName(), mixin.options());
    }
    HelpOption.addTo(command);
    // a half-set login is refused now, not at the first scrape
    return parseOrExit(name, new CommandLine(command), args, settings::metricsAccess)
        ? settings
        : null;
  }

  /**
   * Parses {@code args} into {@code commandLine}'s settings, then runs {@code check} on them; after
   * {@code --help} prints the usage and returns false. A bad flag or variable, or a check that
   * throws, is one line on stderr and exit status 2.
   */
  public static boolean parseOrExit(
      String name, CommandLine commandLine, String[] args, Runnable check) {
    try {
      commandLine.parseArgs(args);
      if (commandLine.isUsageHelpRequested()) {
        commandLine.usage(System.out);
        return false;
      }
      check.run();
      return true;
    } catch (ParameterException | IllegalArgumentException e) {
      exit(name + ": " + e.getMessage() + "\nTry '" + name + " --help' for the settings.", 2);
      return false;
    }
  }

  private static void exit(String message, int status) {
    System.err.println(message);
    System.exit(status);
  }
}
