package tutorial.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import sun.misc.Signal;
import tutorial.commandline.CommandLines;
import tutorial.commandline.DurationConverter;
import tutorial.commandline.HelpOption;
import tutorial.commandline.Settings;
import tutorial.commandline.Values;
import tutorial.common.upstream.Drill;
import tutorial.common.upstream.Fault;
import tutorial.common.upstream.UpstreamSettings;

/**
 * {@code ./drill NAME [GRADE]}: breaks the offline stand-in for the repository API on purpose,
 * sends the service requests, and shows the monitoring react: the PromQL to watch and its values
 * from the running Prometheus as they move, and the alert that should go pending, then fire, and
 * resolve once the drill is stopped (Ctrl-C, or after {@code --for}).
 */
public final class DrillCommand implements Callable<Integer>, Settings {

  static final int DONE = 0;
  static final int CANNOT_DRILL = 1;
  static final int USAGE = 2;

  /** The suite's first port in ./topology, from which its drill port follows. */
  static final int TOPOLOGY_SUITE_PORT = 5001;

  static final int PROMETHEUS_PORT = 9090;

  /** The longest --for: the switch holds a drill at most an hour, a margin more than this. */
  static final Duration LONGEST = Duration.ofMinutes(59);

  private CommandSpec spec;

  List<String> words = List.of();
  boolean list;
  int port;
  Integer drillPort;
  boolean topology;
  int portOffset;
  String prometheusUrl;
  Duration lasting;
  Duration resolveWait;
  double trafficRate;
  Duration every;

  @Override
  public CommandSpec options() {
    return Settings.group()
        .parameters(
            "NAME [GRADE]",
            value -> words = value,
            "A drill and its grade (--list shows them), or stop (ends the drill running) or"
                + " status.")
        .flag("--list", value -> list = value, "Explain each drill in one line, and exit.")
        .option(
            "--port",
            int.class,
            Values.port(),
            "${env:PORT:-5000}",
            value -> port = value,
            "The service's port, as ./run's PORT (env PORT, default ${DEFAULT-VALUE}); its drill"
                + " switch is on this port + "
                + UpstreamSettings.DRILL_PORT_OFFSET
                + ".")
        .option(
            "--drill-port",
            Integer.class,
            Values.port(),
            "${env:DRILL_PORT}",
            value -> drillPort = value,
            "The drill switch's port, when the service was given one (env DRILL_PORT).")
        .flag(
            "--topology",
            value -> topology = value,
            "Drill the stand-in of ./topology's suite, watched by its central Prometheus.")
        .option(
            "--port-offset",
            int.class,
            "0",
            value -> portOffset = value,
            "With --topology: the --port-offset ./topology was started with.")
        .option(
            "--prometheus",
            String.class,
            Values.httpUrl(),
            "${env:PROMETHEUS_URL}",
            value -> prometheusUrl = value,
            "The Prometheus to read the values and alerts from (env PROMETHEUS_URL, default"
                + " http://127.0.0.1:9090, where ./scrape and ./topology start one).")
        .option(
            "--for",
            Duration.class,
            new DurationConverter(),
            "10m",
            value -> lasting = value,
            "Stop the drill after this long, if Ctrl-C has not; at most 59m (default"
                + " ${DEFAULT-VALUE}).")
        .option(
            "--resolve-wait",
            Duration.class,
            new DurationConverter(),
            "10m",
            value -> resolveWait = value,
            "After the drill, watch its alerts resolve for at most this long (default"
                + " ${DEFAULT-VALUE}).")
        .option(
            "--traffic",
            double.class,
            Values.nonNegativeNumber(),
            "10",
            value -> trafficRate = value,
            "Requests per second to the service's /repos/... while drilling, so that there are"
                + " calls to break; 0 sends none (default ${DEFAULT-VALUE}).")
        .option(
            "--every",
            Duration.class,
            new DurationConverter(),
            "5s",
            value -> every = value,
            "How often to print the values (default ${DEFAULT-VALUE}).")
        .build();
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command with its error handling: a usage error is one line and exit status 2. */
  public static CommandLine commandLine() {
    DrillCommand drill = new DrillCommand();
    CommandSpec command = CommandSpec.wrapWithoutInspection(drill).name("drill");
    Map<String, String> exitStatuses = new LinkedHashMap<>();
    exitStatuses.put("0", "the drill ran and was stopped (or --list, stop, status)");
    exitStatuses.put("1", "the switch refused the drill or could not be reached");
    exitStatuses.put("2", "a usage error");
    command
        .usageMessage()
        .sortOptions(false)
        .width(100)
        .description(
            "Breaks the offline stand-in for the repository API on purpose, and shows the"
                + " monitoring react:",
            "the PromQL to watch and its values from the running Prometheus, and the alert that"
                + " goes pending, fires, and resolves after the drill.",
            "The service must run with OFFLINE=true: a drill never reaches a real upstream.",
            "")
        .exitCodeListHeading("%nExit status:%n")
        .exitCodeList(exitStatuses)
        .footerHeading("%nExamples:%n")
        .footer(
            "  drill --list                   the drills",
            "  drill slow +1s                 every call 1 s slower; HighRequestLatency fires",
            "  drill errors 10%               a tenth of the calls answered 500",
            "  drill --topology down          the topology's stand-in down; ServiceDown fires",
            "  drill stop                     end the drill running");
    command.addMixin("drill", drill.options());
    HelpOption.addTo(command);
    drill.spec = command;
    CommandLine commandLine = new CommandLine(command);
    CommandLines.refuseUsageErrors(commandLine, "drill", USAGE);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            cl.getErr().println(CommandLines.refusal("drill", e.getMessage()));
            return USAGE;
          }
          cl.getErr().println("drill: " + e);
          return CANNOT_DRILL;
        });
    return commandLine;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (list) {
      printList(out);
      return DONE;
    }
    if (words.isEmpty() || words.size() > 2) {
      throw new ParameterException(
          spec.commandLine(),
          words.isEmpty()
              ? "say which drill: ./drill --list names them"
              : "one drill and its grade, not '" + String.join(" ", words) + "'");
    }
    if (lasting.compareTo(LONGEST) > 0) {
      throw new ParameterException(spec.commandLine(), "--for: a drill runs at most 59m");
    }
    String name = words.get(0);
    String grade = words.size() > 1 ? words.get(1) : null;
    DrillSwitch drillSwitch = new DrillSwitch(switchAddress(), unreachable());
    try {
      switch (name) {
        case "stop" -> {
          JsonNode before = drillSwitch.state();
          drillSwitch.off();
          out.println(
              before.path("drill").isTextual()
                  ? "drill "
                      + before.path("drill").asText()
                      + " stopped; the stand-in answers as before"
                  : "no drill was running");
          out.flush();
          return DONE;
        }
        case "status" -> {
          out.println(describeState(drillSwitch.state()));
          out.flush();
          return DONE;
        }
        default -> {
          Drill drill =
              Drill.named(name)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "no drill '" + name + "'; ./drill --list names them"));
          Fault fault = drill.fault(grade);
          return new DrillRun(
                  this, drill, fault, drillSwitch, new PrometheusApi(prometheusUrl()), out)
              .run();
        }
      }
    } catch (DrillSwitch.Refused e) {
      err.println("drill: " + e.getMessage());
      return CANNOT_DRILL;
    }
  }

  private void printList(PrintWriter out) {
    int width = 0;
    for (Drill drill : Drill.values()) {
      width = Math.max(width, usage(drill).length());
    }
    for (Drill drill : Drill.values()) {
      // the grades worth trying, when there is more than the default to try
      String grades =
          drill
              .defaultGrade()
              .map(
                  d ->
                      drill.grades().size() > 1
                          ? " (" + String.join(", ", drill.grades()) + "; default " + d + ")"
                          : " (default " + d + ")")
              .orElse("");
      out.printf(
          "%-" + width + "s  %s%s; alert %s%n",
          usage(drill),
          drill.summary(),
          grades,
          Watch.of(drill).alerts().get(0));
    }
    out.flush();
  }

  /** {@code errors [PERCENT]}: the drill and how its grade is written, as typed. */
  static String usage(Drill drill) {
    return drill.command() + drill.gradeSyntax().map(syntax -> " [" + syntax + "]").orElse("");
  }

  static String describeState(JsonNode state) {
    if (!state.path("offline").asBoolean()) {
      return "no drills: the service calls the real API at " + state.path("upstream").asText();
    }
    if (!state.path("drill").isTextual()) {
      return "no drill running; the stand-in answers as usual";
    }
    String grade = state.path("grade").asText();
    return "drill "
        + state.path("drill").asText()
        + (grade.isEmpty() ? "" : " " + grade)
        + " running since "
        + state.path("since").asText()
        + ", until "
        + state.path("until").asText()
        + " at the latest; "
        + state.path("calls").asLong()
        + " calls so far"
        + (state.path("listening").asBoolean() ? "" : "; the stand-in is down now");
  }

  String switchAddress() {
    if (drillPort != null) {
      return "127.0.0.1:" + drillPort;
    }
    int service = topology ? TOPOLOGY_SUITE_PORT + portOffset : port;
    return "127.0.0.1:" + (service + UpstreamSettings.DRILL_PORT_OFFSET);
  }

  private String unreachable() {
    if (topology) {
      return "nothing answers at "
          + switchAddress()
          + ", the drill switch of ./topology's suite: is ./topology running (with --port-offset "
          + portOffset
          + ")?";
    }
    return "nothing answers at "
        + switchAddress()
        + ", the drill switch of a service on port "
        + port
        + ": start one that calls the repository API, offline (OFFLINE=true ./run histograms-app),"
        + " or give its port (--port, PORT), or the drill port its log names (--drill-port)";
  }

  String prometheusUrl() {
    if (prometheusUrl != null) {
      return prometheusUrl;
    }
    return "http://127.0.0.1:" + (PROMETHEUS_PORT + (topology ? portOffset : 0));
  }

  /** Where the drill's requests go: the service, or the topology's instances that call the API. */
  List<String> trafficTargets(PrometheusApi prometheus) {
    if (!topology) {
      return List.of("127.0.0.1:" + port);
    }
    List<String> targets = new ArrayList<>();
    for (String instance :
        prometheus.labelValues("up{job=~\"histograms|summaries\"} == 1", "instance")) {
      // only this machine's: a drill sends nothing elsewhere
      if (instance.startsWith("127.0.0.1:") || instance.startsWith("localhost:")) {
        targets.add(instance);
      }
    }
    return targets;
  }

  /** Ctrl-C: the first stops the drill, the second quits; counted here. */
  static void onInterrupt(CountDownLatch first, Runnable second) {
    AtomicInteger count = new AtomicInteger();
    Signal.handle(
        new Signal("INT"),
        signal -> {
          if (count.incrementAndGet() == 1) {
            first.countDown();
          } else {
            second.run();
          }
        });
  }

  static boolean await(CountDownLatch latch, Duration timeout) throws InterruptedException {
    return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  static String number(OptionalDouble value) {
    if (value.isEmpty()) {
      return "-";
    }
    double v = value.getAsDouble();
    return v == Math.rint(v) && Math.abs(v) < 1e6
        ? String.valueOf((long) v)
        : String.format("%.3g", v);
  }
}
