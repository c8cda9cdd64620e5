package tutorial.suite;

import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import tutorial.commandline.CommandLines;
import tutorial.commandline.HelpOption;
import tutorial.commandline.Settings;
import tutorial.commandline.Values;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;
import tutorial.common.http.GracefulStop;
import tutorial.common.http.PortInUse;
import tutorial.common.http.ServiceServer;
import tutorial.common.settings.ServiceSettings;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.DrillControl;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamCalls;
import tutorial.common.upstream.UpstreamSettings;
import tutorial.common.upstream.UpstreamStandIn;
import tutorial.counters.CountersApp;
import tutorial.custommetrics.CustomMetricsApp;
import tutorial.gauges.GaugesApp;
import tutorial.histograms.Buckets;
import tutorial.histograms.HistogramsApp;
import tutorial.steps.Chapter;
import tutorial.summaries.Quantiles;
import tutorial.summaries.SummariesApp;

/**
 * The five services of the tutorial in one process, each on a port of its own (5001 to 5005 by
 * default) with its own registry, exactly as each starts alone: so that a learner can compare them
 * side by side, and a Prometheus can scrape all five. {@code --traffic} keeps them busy. {@code
 * --instances N} starts N instances of each (or of the {@code --services} chosen), and {@code
 * --targets-file} lists them for Prometheus's file-based discovery, as replicas across regions.
 */
public final class Suite implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Suite.class);

  /** One service of the suite: its name, and how to build its app. */
  record Member(String name, BiFunction<PrometheusRegistry, GitHubClient, TutorialApp> app) {
    /** The job of the shipped Prometheus configs: the name without "-app" ("histograms"). */
    String job() {
      return name.replaceFirst("-app$", "");
    }
  }

  /**
   * A started instance: which service (its index in the tutorial's order), its number from 1, its
   * region (null without {@code --regions}), and where it listens.
   */
  record Running(Member member, int index, int instance, String region, Javalin javalin) {
    String name() {
      return member.name();
    }

    int port() {
      return javalin.port();
    }
  }

  /** The stand-in's job in the target file. */
  static final String REPOSITORY_API_JOB = "repository-api";

  private final List<Running> services = new ArrayList<>();
  private final UpstreamStandIn standIn;
  private final DrillControl drills;
  private final TargetsFile targets;
  private final String host;
  private Traffic traffic;

  private Suite(UpstreamStandIn standIn, DrillControl drills, TargetsFile targets, String host) {
    this.standIn = standIn;
    this.drills = drills;
    this.targets = targets;
    this.host = host;
  }

  /**
   * Every chapter's service, in the tutorial's order (chapters.tsv's), which is also the order of
   * the ports from {@code --base-port} up.
   */
  static List<Member> members(Buckets buckets, Quantiles quantiles) {
    // how to build each app, by the class that chapters.tsv names for its chapter
    Map<String, BiFunction<PrometheusRegistry, GitHubClient, TutorialApp>> apps =
        Map.of(
            CountersApp.class.getName(), (registry, github) -> new CountersApp(registry),
            GaugesApp.class.getName(), (registry, github) -> new GaugesApp(registry),
            HistogramsApp.class.getName(),
                (registry, github) -> new HistogramsApp(registry, github, buckets),
            SummariesApp.class.getName(),
                (registry, github) -> new SummariesApp(registry, github, quantiles),
            CustomMetricsApp.class.getName(), (registry, github) -> new CustomMetricsApp(registry));
    List<Member> members = new ArrayList<>();
    for (Chapter chapter : CHAPTERS) {
      BiFunction<PrometheusRegistry, GitHubClient, TutorialApp> app = apps.get(chapter.appClass());
      if (app == null) {
        throw new IllegalStateException(
            "the suite cannot build " + chapter.appClass() + ", the app of " + chapter.module());
      }
      members.add(new Member(chapter.module(), app));
    }
    return members;
  }

  /**
   * Starts the chosen services (all five by default), {@code --instances} of each, every one with
   * its own registry: instance 1 of each on {@code basePort} and the ports after it, in the
   * tutorial's order, then instance 2 on the next ports, and so on (each on a free port when {@code
   * basePort} is 0). With {@code --offline}, all that call the repository API share one stand-in.
   * If one cannot start, those already started are stopped again. Then the target file, if asked
   * for, lists them all.
   */
  static Suite start(Flags flags) {
    UpstreamStandIn standIn =
        flags.upstream.offline() ? UpstreamStandIn.start(flags.upstream) : null;
    // one switch for the one stand-in: its default port follows from the base port (5001: 15001)
    flags.upstream.servicePort(flags.basePort);
    DrillControl drills =
        standIn != null
            ? DrillControl.open(flags.upstream.drillPort(), standIn)
            : DrillControl.refusing(flags.upstream.drillPort(), flags.upstream.apiUrl());
    Suite suite =
        new Suite(
            standIn,
            drills,
            flags.targetsFile == null ? null : new TargetsFile(flags.targetsFile),
            flags.service.host());
    try {
      List<Member> members = members(flags.buckets, flags.quantiles);
      List<Integer> chosen = flags.chosen();
      int port = flags.basePort;
      for (int instance = 1; instance <= flags.instances; instance++) {
        String region = flags.region(instance);
        for (int index : chosen) {
          Member member = members.get(index);
          suite.services.add(
              new Running(member, index, instance, region, startOne(flags, member, port, standIn)));
          port = port == 0 ? 0 : port + 1;
        }
      }
      suite.writeTargets();
    } catch (RuntimeException e) {
      suite.close();
      throw e;
    }
    return suite;
  }

  private static Javalin startOne(Flags flags, Member member, int port, UpstreamStandIn standIn) {
    String apiUrl = flags.upstream.offline() ? standIn.baseUrl() : flags.upstream.apiUrl();
    PrometheusRegistry registry = Service.registry(flags.service.jvmMetrics());
    GitHubClient github =
        GitHubClient.connect(
            flags.upstream, apiUrl, Tracing.off(), UpstreamCalls.countedIn(registry));
    Javalin javalin =
        ServiceServer.create(member.name(), flags.service, member.app().apply(registry, github));
    try {
      javalin.start(flags.service.host(), port);
    } catch (RuntimeException e) {
      int other = flags.basePort + 1000;
      String howToMove =
          "SUITE_BASE_PORT=" + other + " (or --base-port=" + other + ") moves them all";
      throw new IllegalStateException(
          PortInUse.explain(member.name(), port, howToMove, e)
              .orElse(member.name() + " cannot listen on port " + port + ": " + e.getMessage()),
          e);
    }
    return javalin;
  }

  /** Lists every running instance in the target file, if there is one. */
  private void writeTargets() {
    if (targets == null) {
      return;
    }
    List<TargetsFile.Group> groups = new ArrayList<>();
    for (Running service : services) {
      groups.add(
          TargetsFile.group(
              loopbackOr(host) + ":" + service.port(), service.member().job(), service.region()));
    }
    if (standIn != null) {
      // the stand-in is a host to watch too: its own scrape fails while a drill has it down; in
      // the first region, so that one agent scrapes it
      String region = services.isEmpty() ? null : services.get(0).region();
      groups.add(TargetsFile.group("127.0.0.1:" + drills.port(), REPOSITORY_API_JOB, region));
    }
    targets.write(groups);
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

  /**
   * The host that traffic and Prometheus use: loopback by address, since "localhost" may first
   * resolve to ::1, where an IPv4 server is not.
   */
  private static String loopbackOr(String host) {
    return listensOnAll(host) ? "127.0.0.1" : host;
  }

  void startTraffic(Flags flags) {
    Map<Integer, List<HttpUrl>> instances = new LinkedHashMap<>();
    for (Running service : services) {
      HttpUrl base =
          new HttpUrl.Builder().scheme("http").host(loopbackOr(host)).port(service.port()).build();
      instances.computeIfAbsent(service.index(), index -> new ArrayList<>()).add(base);
    }
    traffic =
        Traffic.start(instances, flags.trafficRate, flags.trafficSeed, flags.upstream.offline());
  }

  /**
   * Stops the traffic, empties the target file (a stopped suite is nothing to alert on), then stops
   * every service at once, each letting its requests in flight finish, then the stand-in they may
   * still be waiting for.
   */
  @Override
  public void close() {
    if (traffic != null) {
      traffic.close();
    }
    if (targets != null && !services.isEmpty()) {
      try {
        targets.write(List.of());
      } catch (UncheckedIOException e) {
        // the services stop all the same; Prometheus then finds them down
        LOG.warn("{}", e.getMessage());
      }
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
    drills.close();
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
    List<Running> started = suite.services();
    String count = started.size() == 5 ? "five" : String.valueOf(started.size());
    String all = started.size() == 5 ? "the five services" : started.size() + " services";
    GracefulStop.onSignals(
        () -> {
          LOG.info("stopping {}", all);
          suite.close();
          LOG.info("stopped");
        });
    String host = flags.service.host();
    for (Running service : started) {
      LOG.info(
          "{} listening on {}, metrics at {}{}",
          String.format("%-18s", service.name()),
          "http://" + address(service, host),
          MetricsEndpoint.PATH,
          flags.instances == 1 && service.region() == null
              ? ""
              : " (instance " + service.instance() + regionText(service.region()) + ")");
    }
    LOG.info(
        "{}: /repos {}",
        String.join(
            ", ", CHAPTERS.stream().filter(Chapter::callsApi).map(Chapter::module).toList()),
        flags.upstream.offline()
            ? "answered by the offline stand-in"
            : "calls the repository API (GITHUB_API_URL)");
    if (suite.targets != null) {
      LOG.info(
          "target file for Prometheus's file_sd_configs: {} ({} targets)",
          suite.targets.path(),
          started.size() + (suite.standIn != null ? 1 : 0));
    }
    if (flags.traffic) {
      suite.startTraffic(flags);
      LOG.info(
          "traffic: {} requests/s across {}{}",
          flags.trafficRate == Math.rint(flags.trafficRate)
              ? String.valueOf((long) flags.trafficRate)
              : String.valueOf(flags.trafficRate),
          all,
          flags.upstream.offline()
              ? ""
              : ", none to /repos (they would use up the API's rate limit)");
    }
    LOG.info(
        "all {} up, Ctrl-C stops all; try ./compare {}{}",
        count,
        address(started.get(0), host),
        started.size() > 1 ? " " + address(started.get(1), host) : "");
  }

  private static String regionText(String region) {
    return region == null ? "" : ", region " + region;
  }

  /** The settings, or null after {@code --help}; exits with status 2 on a bad flag or variable. */
  static Flags parse(String[] args) {
    Flags flags = new Flags();
    CommandLine commandLine = commandLine(flags);
    return CommandLines.parseOrExit("suite", commandLine, args, () -> flags.check(commandLine))
        ? flags
        : null;
  }

  static CommandLine commandLine(Flags flags) {
    CommandSpec command = CommandSpec.create().name("suite");
    command
        .usageMessage()
        .sortOptions(false)
        .width(100)
        .description(
            "The five services of the tutorial \"Application Instrumentation in Practice\" in one"
                + " process, each on its own port with its own registry:",
            ports() + ".",
            "--instances=N starts N of each, on the ports after the first five; --targets-file"
                + " lists them all for a Prometheus.",
            "Ctrl-C or SIGTERM stops all gracefully. Every setting can also be given as the"
                + " environment variable named in its description.",
            "");
    command.addMixin("suite", flags.options());
    command.addMixin("service", flags.service.options());
    command.addMixin("upstream", flags.upstream.options());
    command.addMixin("buckets", flags.buckets.options());
    command.addMixin("quantiles", flags.quantiles.options());
    HelpOption.addTo(command);
    // one --port makes no sense for five services: --base-port takes its place
    command.remove(command.findOption("--port"));
    CommandLine commandLine = new CommandLine(command);
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

  /**
   * Where each service listens by default: "counters-app on the base port (5001), gauges-app on the
   * next (5002), then histograms-app (5003), ...".
   */
  private static String ports() {
    List<String> ports = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      String port = " (" + (DEFAULT_BASE_PORT + i) + ")";
      ports.add(
          switch (i) {
            case 0 -> NAMES.get(i) + " on the base port" + port;
            case 1 -> NAMES.get(i) + " on the next" + port;
            case 2 -> "then " + NAMES.get(i) + port;
            default -> NAMES.get(i) + port;
          });
    }
    return String.join(", ", ports);
  }

  private static final List<Chapter> CHAPTERS = Chapter.all();

  /** The services' names, in the tutorial's order (the order of {@link #members}). */
  static final List<String> NAMES = CHAPTERS.stream().map(Chapter::module).toList();

  private static final String ALL = String.join(",", NAMES);

  private static final int DEFAULT_BASE_PORT = 5001;

  /** Enough for a learner's laptop: each instance is a server with its own threads. */
  static final int MAX_INSTANCES = 20;

  /** A region is a label value; kept to the form of cloud regions, such as "eu-west-1". */
  private static final Pattern REGION = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value != null ? value : fallback;
  }

  /** The suite's own flags; the services' settings follow them, without {@code --port}. */
  static final class Flags implements Settings {
    int basePort;
    boolean traffic;
    double trafficRate;
    long trafficSeed;
    List<String> services;
    int instances;
    List<String> regions;
    Path targetsFile;

    final ServiceSettings service = new ServiceSettings();
    final UpstreamSettings upstream = new UpstreamSettings();
    final Buckets buckets = new Buckets();
    final Quantiles quantiles = new Quantiles();

    @Override
    public CommandSpec options() {
      return Settings.group()
          .option(
              "--base-port",
              int.class,
              Values.port(),
              "${env:SUITE_BASE_PORT:-" + DEFAULT_BASE_PORT + "}",
              value -> basePort = value,
              "Port of "
                  + NAMES.get(0)
                  + "; the other four take the next ports in the order above."
                  + " 0 gives each a free port (env SUITE_BASE_PORT, default ${DEFAULT-VALUE}).")
          .flag(
              "--traffic",
              value -> traffic = value,
              "Keep every service busy with a steady, varied load, so that graphs and"
                  + " histogram_quantile have something to show.")
          .option(
              "--traffic-rate",
              double.class,
              Values.positiveNumber(),
              "${env:TRAFFIC_RATE:-20}",
              value -> trafficRate = value,
              "Requests per second, across the five (env TRAFFIC_RATE, default ${DEFAULT-VALUE}).")
          .option(
              "--traffic-seed",
              long.class,
              "1",
              value -> trafficSeed = value,
              "Seed of the traffic's choices: the same seed, the same sequence (default"
                  + " ${DEFAULT-VALUE}).")
          .list(
              "--services",
              String.class,
              ",",
              "${env:SUITE_SERVICES:-" + ALL + "}",
              value -> services = value,
              "The services to start, comma-separated (env SUITE_SERVICES, default all five).")
          .label("NAME")
          .option(
              "--instances",
              int.class,
              "${env:SUITE_INSTANCES:-1}",
              value -> instances = value,
              "Instances of each service, each on its own port and with its own registry, as"
                  + " replicas behind one job (env SUITE_INSTANCES, default ${DEFAULT-VALUE}).")
          .list(
              "--regions",
              String.class,
              ",",
              "${env:SUITE_REGIONS:-}",
              value -> regions = value,
              "Regions to spread the instances over, comma-separated: instance 1 in the first,"
                  + " instance 2 in the second, and round again; the target file labels each"
                  + " instance with its region (env SUITE_REGIONS, default none).")
          .label("REGION")
          .option(
              "--targets-file",
              Path.class,
              Values.writableFile(),
              "${env:TARGETS_FILE}",
              value -> targetsFile = value,
              "Write every instance into this Prometheus file_sd target file, with the labels job"
                  + " and region, and empty it on the stop (env TARGETS_FILE, default none).")
          .label("FILE")
          .build();
    }

    /** The chosen services' indexes, in the tutorial's order. */
    List<Integer> chosen() {
      List<Integer> chosen = new ArrayList<>();
      for (int i = 0; i < NAMES.size(); i++) {
        if (services.contains(NAMES.get(i))) {
          chosen.add(i);
        }
      }
      return chosen;
    }

    /** The region of instance {@code instance} (from 1), or null without {@code --regions}. */
    String region(int instance) {
      return regions.isEmpty() ? null : regions.get((instance - 1) % regions.size());
    }

    void check(CommandLine commandLine) {
      if (regions.equals(List.of(""))) {
        regions = List.of(); // the default, or SUITE_REGIONS set empty: no regions
      }
      for (String name : services) {
        if (!NAMES.contains(name)) {
          throw new ParameterException(
              commandLine, "--services: no service " + name + "; the five are " + ALL);
        }
      }
      if (services.isEmpty() || services.size() != services.stream().distinct().count()) {
        throw new ParameterException(
            commandLine, "--services must name each service at most once: " + services);
      }
      if (instances < 1 || instances > MAX_INSTANCES) {
        throw new ParameterException(
            commandLine, "--instances must be from 1 to " + MAX_INSTANCES + ": " + instances);
      }
      for (String region : regions) {
        if (!REGION.matcher(region).matches()) {
          throw new ParameterException(
              commandLine,
              "--regions: '"
                  + region
                  + "' is not a region name (lower-case letters, digits and '-')");
        }
      }
      if (regions.size() != regions.stream().distinct().count()) {
        throw new ParameterException(
            commandLine, "--regions must name each region once: " + regions);
      }
      int ports = instances * services.size();
      if (basePort < 0 || basePort > 65536 - ports) {
        throw new ParameterException(
            commandLine,
            "--base-port must be 0, or a port from 1 to "
                + (65536 - ports)
                + " (for "
                + ports
                + " services): "
                + basePort);
      }
      if (!(trafficRate > 0 && trafficRate <= 1000)) {
        throw new ParameterException(
            commandLine, "--traffic-rate must be more than 0 and at most 1000: " + trafficRate);
      }
      service.metricsAccess(); // a half-set login stops the start, as in every service
    }
  }
}
