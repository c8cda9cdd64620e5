package tutorial.common;

import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * What every example service shares: the Javalin set-up around an app's routes ({@code /metrics},
 * {@code /health}, JSON errors, access log, graceful stop) and the start-up from the command line.
 */
public final class Service {

  public static final String HEALTH_PATH = "/health";

  private static final Logger LOG = LoggerFactory.getLogger(Service.class);

  static {
    JettyTuning.skipCacheLineProbe();
  }

  private Service() {}

  /** The service's registry: its own, never the global default, so apps can share a JVM. */
  public static PrometheusRegistry registry(ServiceSettings settings) {
    PrometheusRegistry registry = new PrometheusRegistry();
    if (settings.jvmMetrics()) {
      RuntimeMetrics.register(registry);
    }
    return registry;
  }

  /** The app's routes and the shared ones, in an unstarted Javalin. */
  public static Javalin create(ServiceSettings settings, PrometheusRegistry registry, TutorialApp app) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jetty.host = settings.host();
          config.jetty.port = settings.port();
          config.http.prefer405over404 = true;
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
          MetricsEndpoint.addTo(config.routes, registry, settings.metricsAccess());
          config.routes.get(HEALTH_PATH, ctx -> ctx.json(Map.of("status", "UP")));
          app.addRoutes(config.routes);
        });
  }

  /**
   * Parses the command line, builds the app with its registry and starts it; stops it gracefully
   * on SIGTERM or Ctrl-C. {@code appSettings} are picocli mixins with the app's own options, read
   * before {@code app} is called.
   */
  public static void run(
      String name,
      String[] args,
      Function<PrometheusRegistry, TutorialApp> app,
      Object... appSettings) {
    ServiceSettings settings = parse(name, args, appSettings);
    if (settings == null) {
      return;
    }
    PrometheusRegistry registry = registry(settings);
    Javalin javalin = create(settings, registry, app.apply(registry));
    javalin.start();
    GracefulStop.onSignals(javalin::stop);
    LOG.info(
        "{} listening on http://{}:{}, metrics at {}",
        name,
        settings.host(),
        javalin.port(),
        MetricsEndpoint.PATH);
  }

  /** The settings, or null after {@code --help}; exits with status 2 on a bad flag or variable. */
  static ServiceSettings parse(String name, String[] args, Object... appSettings) {
    Flags flags = new Flags();
    CommandLine commandLine = new CommandLine(flags).setCommandName(name);
    for (Object mixin : appSettings) {
      commandLine.addMixin(mixin.getClass().getSimpleName(), mixin);
    }
    // a half-set login is refused now, not at the first scrape
    return parseOrExit(name, commandLine, args, () -> flags.settings.metricsAccess()) ? flags.settings : null;
  }

  /**
   * Parses {@code args} into {@code commandLine}'s settings, then runs {@code check} on them;
   * after {@code --help} prints the usage and returns false. A bad flag or variable, or a check
   * that throws, is one line on stderr and exit status 2.
   */
  public static boolean parseOrExit(String name, CommandLine commandLine, String[] args, Runnable check) {
    try {
      commandLine.parseArgs(args);
      if (commandLine.isUsageHelpRequested()) {
        commandLine.usage(System.out);
        return false;
      }
      check.run();
      return true;
    } catch (ParameterException | IllegalArgumentException e) {
      System.err.println(name + ": " + e.getMessage());
      System.err.println("Try '" + name + " --help' for the settings.");
      System.exit(2);
      return false;
    }
  }

  @Command(
      sortOptions = false,
      usageHelpWidth = 100,
      description = {
        "One example service of the tutorial \"Application Instrumentation in Practice\".",
        "Every setting can also be given as the environment variable named in its description.",
        ""
      })
  static final class Flags {
    @Mixin ServiceSettings settings = new ServiceSettings();
    @Mixin HelpOption help = new HelpOption();
  }
}
