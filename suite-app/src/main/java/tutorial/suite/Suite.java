package tutorial.suite;

import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tutorial.common.GitHubClient;
import tutorial.common.GracefulStop;
import tutorial.common.HelpOption;
import tutorial.common.MetricsEndpoint;
import tutorial.common.PortInUse;
import tutorial.common.Service;
import tutorial.common.ServiceSettings;
import tutorial.common.TutorialApp;
import tutorial.common.UpstreamSettings;
import tutorial.common.UpstreamStandIn;
import tutorial.counters.CountersApp;
import tutorial.custommetrics.CustomMetricsApp;
import tutorial.gauges.GaugesApp;
import tutorial.histograms.Buckets;
import tutorial.histograms.HistogramsApp;
import tutorial.summaries.Quantiles;
import tutorial.summaries.SummariesApp;

/**
 * The five services of the tutorial in one process, each on a port of its own (5001 to 5005 by
 * default) with its own registry, exactly as each starts alone: so that a learner can compare them
 * side by side, and a Prometheus can scrape all five. {@code --traffic} keeps them busy.
 */
public final class Suite implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Suite.class);

  /** One service of the suite: its name, and how to build its app. */
  record Member(String name, BiFunction<PrometheusRegistry, GitHubClient, TutorialApp> app) {}

  /** A started service: its name and where it listens. */
  record Running(String name, Javalin javalin) {
    int port() {
      return javalin.port();
    }
  }

  private final List<Running> services = new ArrayList<>();
  private final UpstreamStandIn standIn;
  private Traffic traffic;

  private Suite(UpstreamStandIn standIn) {
    this.standIn = standIn;
  }

  /** The tutorial's order, which is also the order of the ports from {@code --base-port} up. */
  static List<Member> members(Buckets buckets, Quantiles quantiles) {
    return List.of(
        new Member("counters-app", (registry, github) -> new CountersApp(registry)),
        new Member("gauges-app", (registry, github) -> new GaugesApp(registry)),
        new Member(
            "histograms-app", (registry, github) -> new HistogramsApp(registry, github, buckets)),
        new Member(
            "summaries-app", (registry, github) -> new SummariesApp(registry, github, quantiles)),
        new Member("custom-metrics-app", (registry, github) -> new CustomMetricsApp(registry)));
  }

  /**
   * Starts the five services, each with its own registry, on {@code basePort} and the four ports
   * after it (each on a free port when {@code basePort} is 0); with {@code --offline}, the two that
   * call the repository API share one stand-in. If one cannot start, those already started are
   * stopped again.
   */
  static Suite start(Flags flags) {
    UpstreamStandIn standIn =
        flags.upstream.offline() ? UpstreamStandIn.start(flags.upstream.standInLatency()) : null;
    Suite suite = new Suite(standIn);
    try {
      List<Member> members = members(flags.buckets, flags.quantiles);
      for (int i = 0; i < members.size(); i++) {
        Member member = members.get(i);
        int port = flags.basePort == 0 ? 0 : flags.basePort + i;
        GitHubClient github = flags.upstream.connect(standIn);
        PrometheusRegistry registry = Service.registry(flags.service.jvmMetrics());
        Javalin javalin = Service.create(flags.service, member.app().apply(registry, github));
        try {
          javalin.start(flags.service.host(), port);
        } catch (RuntimeException e) {
          int other = flags.basePort + 1000;
          String howToMove =
              "SUITE_BASE_PORT=" + other + " (or --base-port=" + other + ") moves all five";
          throw new IllegalStateException(
              PortInUse.explain(member.name(), port, howToMove, e)
                  .orElse(member.name() + " cannot listen on port " + port + ": " + e.getMessage()),
              e);
        }
        suite.services.add(new Running(member.name(), javalin));
      }
    } catch (RuntimeException e) {
      suite.close();
      throw e;
    }
    return suite;
  }

  List<Running> services() {
    return List.copyOf(services);
  }

  private static boolean listensOnAll(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.isEmpty();
  }

  /** {@code localhost:5001}: what a learner types to reach the service. */
  static String address(Running service, String host) {
    return (listensOnAll(host) ? "localhost" : host) + ":" + service.port();
  }

  void startTraffic(Flags flags) {
    String host = flags.service.host();
    // loopback by address: "localhost" may first resolve to ::1, where an IPv4 server is not
    String target = listensOnAll(host) ? "127.0.0.1" : host;
    List<HttpUrl> bases =
        services.stream()
            .map(s -> new HttpUrl.Builder().scheme("http").host(target).port(s.port()).build())
            .toList();
    traffic = Traffic.start(bases, flags.trafficRate, flags.trafficSeed, flags.upstream.offline());
  }

  /**
   * Stops the traffic, then the five services at once, each letting its requests in flight finish,
   * then the stand-in they may still be waiting for.
   */
  @Override
  public void close() {
    if (traffic != null) {
      traffic.close();
    }
    List<Thread> stops = new ArrayList<>();
    for (Running service : services) {
      Thread stop = new Thread(service.javalin()::stop, "stop-" + service.name());
      stop.start();
      stops.add(stop);
    }
    for (Thread stop : stops) {
      try {
        stop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (standIn != null) {
      standIn.close();
    }
  }

  public static void main(String[] args) {
    // the suite says where each service listens; Javalin's own start-up lines, five times over,
    // would bury that
    if (System.getProperty("org.slf4j.simpleLogger.log.io.javalin") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
    }
    Flags flags = parse(args);
    if (flags == null) {
      return;
    }
    Suite suite;
    try {
      suite = start(flags);
    } catch (RuntimeException e) {
      LOG.error("{}", e.getMessage());
      System.exit(1);
      return;
    }
    GracefulStop.onSignals(
        () -> {
          LOG.info("stopping the five services");
          suite.close();
          LOG.info("stopped");
        });
    String host = flags.service.host();
    for (Running service : suite.services()) {
      LOG.info(
          "{} listening on {}, metrics at {}",
          String.format("%-18s", service.name()),
          "http://" + address(service, host),
          MetricsEndpoint.PATH);
    }
    LOG.info(
        "histograms-app, summaries-app: /repos {}",
        flags.upstream.offline()
            ? "answered by the offline stand-in"
            : "calls the repository API (GITHUB_API_URL)");
    if (flags.traffic) {
      suite.startTraffic(flags);
      LOG.info(
          "traffic: {} requests/s across the five services{}",
          flags.trafficRate == Math.rint(flags.trafficRate)
              ? String.valueOf((long) flags.trafficRate)
              : String.valueOf(flags.trafficRate),
          flags.upstream.offline()
              ? ""
              : ", none to /repos (they would use up the API's rate limit)");
    }
    List<Running> started = suite.services();
    LOG.info(
        "all five up, Ctrl-C stops all; try ./compare {} {}",
        address(started.get(0), host),
        address(started.get(1), host));
  }

  /** The settings, or null after {@code --help}; exits with status 2 on a bad flag or variable. */
  static Flags parse(String[] args) {
    Flags flags = new Flags();
    CommandLine commandLine = commandLine(flags);
    return Service.parseOrExit("suite", commandLine, args, () -> flags.check(commandLine))
        ? flags
        : null;
  }

  static CommandLine commandLine(Flags flags) {
    CommandLine commandLine = new CommandLine(flags).setCommandName("suite");
    // one --port makes no sense for five services: --base-port takes its place
    commandLine.getCommandSpec().remove(commandLine.getCommandSpec().findOption("--port"));
    // the suite is for learning: offline and quiet unless the environment or a flag says otherwise
    commandLine.setDefaultValueProvider(
        arg -> {
          if (arg instanceof OptionSpec option) {
            switch (option.longestName()) {
              case "--offline":
                return envOr("OFFLINE", "true");
              case "--request-log":
                return envOr("REQUEST_LOG", "false");
              default:
                return null;
            }
          }
          return null;
        });
    return commandLine;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value != null ? value : fallback;
  }

  @Command(
      sortOptions = false,
      usageHelpWidth = 100,
      description = {
        "The five services of the tutorial \"Application Instrumentation in Practice\" in one"
            + " process, each on its own port with its own registry:",
        "counters-app on the base port (5001), gauges-app on the next (5002), then"
            + " histograms-app (5003), summaries-app (5004), custom-metrics-app (5005).",
        "Ctrl-C or SIGTERM stops all five gracefully. Every setting can also be given as the"
            + " environment variable named in its description.",
        ""
      })
  static final class Flags {
    @Option(
        names = "--base-port",
        defaultValue = "${env:SUITE_BASE_PORT:-5001}",
        description =
            "Port of counters-app; the other four take the next ports in the order above."
                + " 0 gives each a free port (env SUITE_BASE_PORT, default ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
        names = "--traffic",
        description =
            "Keep every service busy with a steady, varied load, so that graphs and"
                + " histogram_quantile have something to show.")
    boolean traffic;

    @Option(
        names = "--traffic-rate",
        defaultValue = "${env:TRAFFIC_RATE:-20}",
        description =
            "Requests per second, across the five (env TRAFFIC_RATE, default ${DEFAULT-VALUE}).")
    double trafficRate;

    @Option(
        names = "--traffic-seed",
        defaultValue = "1",
        description =
            "Seed of the traffic's choices: the same seed, the same sequence (default"
                + " ${DEFAULT-VALUE}).")
    long trafficSeed;

    @Mixin ServiceSettings service = new ServiceSettings();
    @Mixin UpstreamSettings upstream = new UpstreamSettings();
    @Mixin Buckets buckets = new Buckets();
    @Mixin Quantiles quantiles = new Quantiles();
    @Mixin HelpOption help = new HelpOption();

    void check(CommandLine commandLine) {
      if (basePort < 0 || basePort > 65535 - 4) {
        throw new ParameterException(
            commandLine, "--base-port must be 0, or a port from 1 to 65531: " + basePort);
      }
      if (!(trafficRate > 0 && trafficRate <= 1000)) {
        throw new ParameterException(
            commandLine, "--traffic-rate must be more than 0 and at most 1000: " + trafficRate);
      }
      service.metricsAccess(); // a half-set login stops the start, as in every service
    }
  }
}
