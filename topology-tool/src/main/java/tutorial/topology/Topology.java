package tutorial.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import tutorial.commandline.CommandLines;
import tutorial.commandline.HelpOption;
import tutorial.commandline.Settings;
import tutorial.commandline.Values;
import tutorial.common.http.GracefulStop;

/**
 * The multi-instance topology on loopback, in one command: the suite's instances spread over
 * regions and listed in a file_sd target file; one Prometheus agent per region scraping its share
 * and remote-writing to a central Prometheus and to VictoriaMetrics; the central Prometheus
 * evaluating the rules and sending alerts to Alertmanager; Alertmanager posting them to a webhook,
 * by default the {@link AlertLog} inside this process. The configs are prometheus/topology/*.yml as
 * shipped, with their addresses moved when the ports are. Ctrl-C stops every process.
 */
public final class Topology implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Topology.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern LOOPBACK_ADDRESS = Pattern.compile("127\\.0\\.0\\.1:(\\d{2,5})");
  private static final Pattern AGENT_CONFIG = Pattern.compile("agent-([a-z0-9-]+)\\.yml");

  /** The parts with a port, and the port each has in the shipped configs. */
  public enum Part {
    SUITE(5001),
    CENTRAL(9090),
    AGENTS(9091), // the first region's agent; see shippedAgentPort for the others
    ALERTMANAGER(9093),
    ALERT_LOG(9097),
    VICTORIA_METRICS(8428),
    // the suite's drill switch: its base port + 10000, where ./drill --topology looks
    DRILLS(15001);

    final int defaultPort;

    Part(int defaultPort) {
      this.defaultPort = defaultPort;
    }
  }

  /**
   * Where the parts listen: the shipped ports moved by {@code offset}, or free ports chosen at the
   * start (and the suite's base port 0: each instance on a free port).
   */
  public record Ports(int offset, boolean anyFree) {
    public static Ports shipped(int offset) {
      return new Ports(offset, false);
    }

    public static Ports free() {
      return new Ports(0, true);
    }

    int port(Part part, int index) {
      if (anyFree) {
        return part == Part.SUITE ? 0 : FreePorts.next();
      }
      return (part == Part.AGENTS ? shippedAgentPort(index) : part.defaultPort) + offset;
    }
  }

  /**
   * The agent of the region at {@code index} (in name order): 9091 and 9092 for the two shipped
   * regions; a third region's agent (a copied agent-&lt;region&gt;.yml) takes 9192 and on, clear of
   * Alertmanager's 9093 and its cluster port 9094.
   */
  static int shippedAgentPort(int index) {
    return index < 2 ? Part.AGENTS.defaultPort + index : 9190 + index;
  }

  /** What to start, and where: see the flags of {@link Flags} for each. */
  public record Plan(
      Path configDir,
      Path suiteJar,
      Path workDir,
      int instances,
      boolean traffic,
      Ports ports,
      String webhookUrl,
      List<String> suiteArgs) {}

  /** A region: its name (from its config file's name), its agent's config and port. */
  record Region(String name, Path config, int port) {}

  private final Path workDir;
  private final boolean deleteWorkDir;
  private final List<PartProcess> children = new ArrayList<>();
  private final Map<Part, Integer> ports = new TreeMap<>();
  private final List<Region> regions = new ArrayList<>();
  private AlertLog alertLog;
  private Path targetsFile;
  private String webhookUrl;

  private Topology(Path workDir, boolean deleteWorkDir) {
    this.workDir = workDir;
    this.deleteWorkDir = deleteWorkDir;
  }

  /** Starts every part and waits until each is ready; stops those started if one cannot start. */
  public static Topology start(Plan plan) {
    Path workDir;
    try {
      workDir =
          plan.workDir() != null
              ? Files.createDirectories(plan.workDir())
              : Files.createTempDirectory("topology-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Topology topology = new Topology(workDir, plan.workDir() == null);
    try {
      topology.startAll(plan);
      return topology;
    } catch (RuntimeException e) {
      topology.close();
      throw e;
    }
  }

  private void startAll(Plan plan) {
    for (Part part : Part.values()) {
      ports.put(part, plan.ports().port(part, 0));
    }
    List<String> names = regionNames(plan.configDir());
    Path configs = workDir.resolve("prometheus").resolve("topology");
    for (int i = 0; i < names.size(); i++) {
      int port = i == 0 ? ports.get(Part.AGENTS) : plan.ports().port(Part.AGENTS, i);
      regions.add(
          new Region(names.get(i), configs.resolve("agent-" + names.get(i) + ".yml"), port));
    }
    if (plan.webhookUrl() == null) {
      alertLog =
          AlertLog.start(
              "127.0.0.1", ports.get(Part.ALERT_LOG), line -> LOG.info("alert: {}", line));
      webhookUrl = "http://127.0.0.1:" + alertLog.port() + AlertLog.PATH;
    } else {
      webhookUrl = plan.webhookUrl();
    }
    copyConfigs(plan.configDir());
    targetsFile = configs.resolve("targets").resolve("suite.json");

    // the stores first, so that nothing sent to them is refused
    startVictoriaMetrics();
    startCentral(configs.resolve("central.yml"));
    startAlertmanager(configs.resolve("alertmanager.yml"));
    startSuite(plan, names);
    for (Region region : regions) {
      startAgent(region);
    }
  }

  private static List<String> regionNames(Path configDir) {
    try (Stream<Path> files = Files.list(configDir.resolve("topology"))) {
      List<String> names =
          files
              .map(file -> AGENT_CONFIG.matcher(file.getFileName().toString()))
              .filter(Matcher::matches)
              .map(m -> m.group(1))
              .sorted()
              .toList();
      if (names.isEmpty()) {
        throw new IllegalStateException(
            "no agent-<region>.yml in " + configDir.resolve("topology"));
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + configDir.resolve("topology"), e);
    }
  }

  /**
   * Copies prometheus/*.yml and prometheus/topology/*.yml into the work folder, keeping their
   * layout (the central config names ../recording_rules.yml), with every loopback address of a
   * shipped port moved to where that part listens now.
   */
  private void copyConfigs(Path configDir) {
    Path copy = workDir.resolve("prometheus");
    try {
      Files.createDirectories(copy.resolve("topology").resolve("targets"));
      for (String dir : List.of("", "topology")) {
        try (Stream<Path> files = Files.list(configDir.resolve(dir))) {
          for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
            Files.writeString(
                copy.resolve(dir).resolve(file.getFileName()),
                moveAddresses(Files.readString(file)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the configs of " + configDir, e);
    }
  }

  /** {@code 127.0.0.1:9090} becomes the central Prometheus's address now, and so on. */
  private String moveAddresses(String config) {
    return moveAddresses(config, movedPorts(), webhookUrl);
  }

  /** Each part's shipped port (each region's agent's: 9091, 9092, ...) and its port now. */
  private Map<Integer, Integer> movedPorts() {
    Map<Integer, Integer> moved = new TreeMap<>();
    for (Part part : Part.values()) {
      // the suite's and its drill switch's ports are in the target file the suite writes
      if (part != Part.SUITE && part != Part.AGENTS && part != Part.DRILLS) {
        moved.put(part.defaultPort, ports.get(part));
      }
    }
    for (int i = 0; i < regions.size(); i++) {
      moved.put(shippedAgentPort(i), regions.get(i).port());
    }
    return moved;
  }

  /**
   * {@code config} with the shipped webhook replaced by {@code webhookUrl} and every {@code
   * 127.0.0.1:<port>} of a port in {@code moved} moved to its port now; all else as shipped.
   */
  static String moveAddresses(String config, Map<Integer, Integer> moved, String webhookUrl) {
    String shippedWebhook = "http://127.0.0.1:" + Part.ALERT_LOG.defaultPort + AlertLog.PATH;
    // the text around the webhook is moved, not the webhook given: one on a shipped port (a
    // receiver of the learner's own on 127.0.0.1:9090, say) stays where it was given
    return Stream.of(config.split(Pattern.quote(shippedWebhook), -1))
        .map(text -> moveLoopbackAddresses(text, moved))
        .collect(Collectors.joining(webhookUrl));
  }

  private static String moveLoopbackAddresses(String text, Map<Integer, Integer> moved) {
    Matcher m = LOOPBACK_ADDRESS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Integer to = moved.get(Integer.parseInt(m.group(1)));
      m.appendReplacement(out, to == null ? m.group() : "127.0.0.1:" + to);
    }
    m.appendTail(out);
    return out.toString();
  }

  private String url(int port) {
    return "http://127.0.0.1:" + port;
  }

  private Path data(String name) {
    try {
      return Files.createDirectories(workDir.resolve("data").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PartProcess launch(String name, List<String> command, String readyUrl) {
    LOG.info("starting {}: {}", name, String.join(" ", command));
    PartProcess child =
        PartProcess.start(name, command, workDir.resolve("logs").resolve(name + ".log"));
    children.add(child);
    child.awaitReady(readyUrl, READY_TIMEOUT);
    return child;
  }

  private void startVictoriaMetrics() {
    int port = ports.get(Part.VICTORIA_METRICS);
    launch(
        "victoria-metrics",
        List.of(
            Binaries.find("VICTORIA_METRICS_BIN", "victoria-metrics", "victoria-metrics-prod"),
            "-httpListenAddr=127.0.0.1:" + port,
            "-storageDataPath=" + data("victoria-metrics"),
            // instant queries see points up to 5 s old, not the default 30 s: a learner's
            // queries answer soon after a change (VictoriaMetrics hides newer points because
            // remote writes may still be on their way)
            "-search.latencyOffset=5s"),
        url(port) + "/health");
  }

  private void startCentral(Path config) {
    int port = ports.get(Part.CENTRAL);
    launch(
        "central-prometheus",
        List.of(
            Binaries.find("PROMETHEUS_BIN", "prometheus"),
            "--config.file=" + config,
            "--storage.tsdb.path=" + data("central-prometheus"),
            "--web.listen-address=127.0.0.1:" + port,
            "--web.enable-remote-write-receiver"),
        url(port) + "/-/ready");
  }

  private void startAlertmanager(Path config) {
    int port = ports.get(Part.ALERTMANAGER);
    launch(
        "alertmanager",
        List.of(
            Binaries.find("ALERTMANAGER_BIN", "prometheus-alertmanager", "alertmanager"),
            "--config.file=" + config,
            "--storage.path=" + data("alertmanager"),
            "--web.listen-address=127.0.0.1:" + port,
            // empty: no high-availability cluster port on 0.0.0.0:9094
            "--cluster.listen-address="),
        url(port) + "/-/ready");
  }

  private void startSuite(Plan plan, List<String> regionNames) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", plan.suiteJar().toString()));
    command.add("--base-port=" + ports.get(Part.SUITE));
    command.add("--host=127.0.0.1");
    command.add("--instances=" + plan.instances());
    command.add("--regions=" + String.join(",", regionNames));
    command.add("--targets-file=" + targetsFile);
    command.add("--drill-port=" + ports.get(Part.DRILLS));
    if (plan.traffic()) {
      command.add("--traffic");
    }
    command.addAll(plan.suiteArgs());
    LOG.info("starting suite: {}", String.join(" ", command));
    PartProcess suite =
        PartProcess.start("suite", command, workDir.resolve("logs").resolve("suite.log"));
    children.add(suite);
    suite.awaitTargets(targetsFile, READY_TIMEOUT);
  }

  private void startAgent(Region region) {
    launch(
        "agent-" + region.name(),
        List.of(
            Binaries.find("PROMETHEUS_BIN", "prometheus"),
            "--enable-feature=agent",
            "--config.file=" + region.config(),
            "--storage.agent.path=" + data("agent-" + region.name()),
            "--web.listen-address=127.0.0.1:" + region.port()),
        url(region.port()) + "/-/ready");
  }

  /** What ./drill needs to find this topology's drill switch and central Prometheus. */
  private String drillFlags() {
    int offset = ports.get(Part.CENTRAL) - Part.CENTRAL.defaultPort;
    if (ports.get(Part.DRILLS) == Part.DRILLS.defaultPort + offset) {
      return "--topology " + (offset == 0 ? "" : "--port-offset " + offset + " ");
    }
    return "--topology --drill-port "
        + ports.get(Part.DRILLS)
        + " --prometheus "
        + url(Part.CENTRAL)
        + " ";
  }

  /** The base URL of a part: {@code http://127.0.0.1:9090} for the central Prometheus. */
  public String url(Part part) {
    return url(ports.get(part));
  }

  /** The regions, by name, with the base URL of each one's agent. */
  public Map<String, String> agents() {
    Map<String, String> agents = new TreeMap<>();
    regions.forEach(region -> agents.put(region.name(), url(region.port())));
    return agents;
  }

  /** The suite's target file, which the agents read. */
  public Path targetsFile() {
    return targetsFile;
  }

  /** Every process started, to check that none outlives {@link #close}. */
  public List<ProcessHandle> processes() {
    return children.stream().map(PartProcess::handle).toList();
  }

  /** What is where, for the learner, once everything is up. */
  void printAddresses() {
    LOG.info("central Prometheus  {}  (PromQL, rules, alerts)", url(Part.CENTRAL));
    LOG.info("VictoriaMetrics     {}  (PromQL; its UI at /vmui)", url(Part.VICTORIA_METRICS));
    LOG.info("Alertmanager        {}", url(Part.ALERTMANAGER));
    for (Region region : regions) {
      LOG.info(
          "{}{}",
          String.format("%-20s", "agent " + region.name()),
          url(region.port()) + "  (scrapes region " + region.name() + ": no queries)");
    }
    LOG.info("alerts go to        {}", webhookUrl);
    LOG.info(
        "drills              ./drill {}--list  (the stand-in broken on purpose)", drillFlags());
    LOG.info("target file         {}", targetsFile);
    LOG.info("logs                {}", workDir.resolve("logs"));
  }

  /**
   * Stops every process, the agents and the suite first (an agent sends what it still holds to the
   * stores as it stops), then the stores and Alertmanager; each part of a tier at once.
   */
  @Override
  public void close() {
    List<PartProcess> first =
        children.stream()
            .filter(c -> c.name().startsWith("agent-") || c.name().equals("suite"))
            .toList();
    stopAll(first);
    stopAll(children.stream().filter(c -> !first.contains(c)).toList());
    if (alertLog != null) {
      alertLog.close();
    }
    if (deleteWorkDir) {
      deleteRecursively(workDir);
    }
  }

  private static void stopAll(List<PartProcess> tier) {
    CompletableFuture.allOf(
            tier.stream()
                .map(c -> CompletableFuture.runAsync(c::close))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }

  public static void main(String[] args) {
    for (String quiet : List.of("io.javalin", "org.eclipse.jetty")) {
      if (System.getProperty("org.slf4j.simpleLogger.log." + quiet) == null) {
        System.setProperty("org.slf4j.simpleLogger.log." + quiet, "warn");
      }
    }
    Flags flags = new Flags();
    CommandLine commandLine = commandLine(flags);
    if (!CommandLines.parseOrExit("topology", commandLine, args, () -> flags.check(commandLine))) {
      return;
    }
    long started = System.nanoTime();
    Topology topology;
    try {
      topology = start(flags.plan());
    } catch (RuntimeException e) {
      LOG.error("{}", e.getMessage());
      System.exit(1);
      return;
    }
    GracefulStop.onSignals(
        () -> {
          LOG.info("stopping every part of the topology");
          topology.close();
          LOG.info("stopped; nothing of the topology runs any more");
        });
    topology.printAddresses();
    LOG.info(
        "topology up in {} ms; Ctrl-C stops it all",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /** The command line of {@code ./topology}, which parses into {@code flags}. */
  static CommandLine commandLine(Flags flags) {
    CommandSpec command = CommandSpec.create().name("topology");
    command
        .usageMessage()
        .sortOptions(false)
        .width(100)
        .description(
            "Many instances of the tutorial's services behind two Prometheus agents (one per region),"
                + " which remote-write to a central Prometheus and to VictoriaMetrics; the central"
                + " Prometheus evaluates the rules and sends alerts to Alertmanager, which posts them"
                + " to a webhook. All on 127.0.0.1, with prometheus/topology/*.yml. Needs the Debian"
                + " packages prometheus, victoria-metrics and prometheus-alertmanager.",
            "Ctrl-C stops every part. See docs/beyond-one-machine.md.",
            "");
    command.addMixin("topology", flags.options());
    HelpOption.addTo(command);
    return new CommandLine(command);
  }

  /** The flags of {@code ./topology}, checked, then read into the {@link Plan} to start. */
  static final class Flags implements Settings {
    int instances;
    boolean traffic;
    int portOffset;
    String webhookUrl;
    Path workDir;
    Path configDir;
    Path suiteJar;
    List<String> suiteArgs = new ArrayList<>();

    @Override
    public CommandSpec options() {
      return Settings.group()
          .option(
              "--instances",
              int.class,
              "2",
              value -> instances = value,
              "Instances of each service, spread over the regions (default ${DEFAULT-VALUE}).")
          .option(
              "--traffic",
              boolean.class,
              "true",
              value -> traffic = value,
              "Keep the instances busy, for something to query (default ${DEFAULT-VALUE}).")
          .option(
              "--port-offset",
              int.class,
              "0",
              value -> portOffset = value,
              "Added to every shipped port (5001, 9090-9093, 9097, 8428) when one is taken"
                  + " (default ${DEFAULT-VALUE}).")
          .option(
              "--webhook-url",
              String.class,
              Values.httpUrl(),
              null,
              value -> webhookUrl = value,
              "Where Alertmanager posts alerts (default: this command's alert log).")
          .option(
              "--work-dir",
              Path.class,
              null,
              value -> workDir = value,
              "Keep the copied configs, data and logs here (default: a temporary folder, deleted"
                  + " at the stop).")
          .option(
              "--config-dir",
              Path.class,
              "prometheus",
              value -> configDir = value,
              "The folder with the rules and topology/ (default ${DEFAULT-VALUE}).")
          .option(
              "--suite-jar",
              Path.class,
              "suite-app/target/suite-app.jar",
              value -> suiteJar = value,
              "The suite's jar (default ${DEFAULT-VALUE}).")
          .parameters(
              "SUITE_SETTING",
              value -> suiteArgs = value,
              "After --: settings for the suite, such as --services=histograms-app.")
          .build();
    }

    void check(CommandLine commandLine) {
      if (instances < 1 || instances > 20) {
        throw new ParameterException(commandLine, "--instances must be from 1 to 20: " + instances);
      }
      if (portOffset < -5000 || portOffset > 50000) {
        throw new ParameterException(
            commandLine, "--port-offset must be from -5000 to 50000: " + portOffset);
      }
      if (!Files.isDirectory(configDir.resolve("topology"))) {
        throw new ParameterException(
            commandLine, "--config-dir: no topology/ folder in " + configDir.toAbsolutePath());
      }
      if (!Files.isRegularFile(suiteJar)) {
        throw new ParameterException(
            commandLine,
            "--suite-jar: no file " + suiteJar.toAbsolutePath() + " (./topology builds it)");
      }
    }

    Plan plan() {
      return new Plan(
          configDir,
          suiteJar,
          workDir,
          instances,
          traffic,
          Ports.shipped(portOffset),
          webhookUrl,
          suiteArgs);
    }
  }
}
