package tutorial.common;

import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.slf4j.LoggerFactory;
import tutorial.commandline.CommandLines;
import tutorial.commandline.Settings;
import tutorial.common.http.GracefulStop;
import tutorial.common.http.PortInUse;
import tutorial.common.http.ServiceServer;
import tutorial.common.settings.ServiceSettings;
import tutorial.common.startup.RuntimeMetrics;
import tutorial.common.startup.StartupWarmUp;
import tutorial.common.upstream.UpstreamSettings;

/**
 * An example service's start: its settings from the command line, its registry, its server (see
 * {@link ServiceServer}), and a graceful stop on SIGTERM or Ctrl-C.
 */
public final class Service {

  private Service() {}

  /** Builds an app around the registry that its {@code /metrics} route serves. */
  @FunctionalInterface
  public interface AppFactory {
    TutorialApp create(PrometheusRegistry registry);
  }

  /** Starts {@code app} with the settings every service shares. */
  public static void run(String name, String[] args, AppFactory app) {
    run(name, args, List.of(), app);
  }

  /**
   * Starts {@code app} with the app's own settings too: each group is listed in {@code --help} and
   * filled from the command line and the environment before {@code app} is built, so the factory
   * may read them.
   */
  public static void run(
      String name, String[] args, List<? extends Settings> appSettings, AppFactory app) {
    StartupWarmUp warmUp = StartupWarmUp.begin();
    ServiceSettings settings = ServiceSettings.parse(name, args, appSettings);
    if (settings == null) {
      return;
    }
    warmUp.awaitLogging(); // before the first logger of the app, Javalin or Jetty
    for (Settings group : appSettings) {
      if (group instanceof UpstreamSettings upstream) {
        upstream.servicePort(settings.port());
      }
    }
    Javalin javalin =
        ServiceServer.create(name, settings, app.create(registry(settings.jvmMetrics())));
    try {
      javalin.start();
    } catch (RuntimeException e) {
      int other = settings.port() + 1;
      PortInUse.explain(name, settings.port(), "PORT=" + other + " (or --port=" + other + ")", e)
          .ifPresent(message -> CommandLines.exit(message, 1));
      throw e;
    }
    GracefulStop.onSignals(javalin::stop);
    StringBuilder notes = new StringBuilder();
    appSettings.forEach(group -> group.noteAtStart().ifPresent(n -> notes.append("; ").append(n)));
    LoggerFactory.getLogger(Service.class)
        .info(
            "{} listening on http://{}:{}, metrics at {}{}",
            name,
            settings.host(),
            javalin.port(),
            MetricsEndpoint.PATH,
            notes);
  }

  /** The service's registry: its own, never the global default, so apps can share a JVM. */
  public static PrometheusRegistry registry(boolean jvmMetrics) {
    PrometheusRegistry registry = new PrometheusRegistry();
    if (jvmMetrics) {
      RuntimeMetrics.register(registry);
    }
    return registry;
  }
}
