package tutorial.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import tutorial.common.upstream.Drill;
import tutorial.common.upstream.Fault;

/**
 * One drill from switch-on to its alerts resolved: it switches the fault on, sends the requests,
 * prints the values and the alerts' changes as they come, switches the fault off at Ctrl-C or after
 * {@code --for}, and watches the alerts resolve.
 */
final class DrillRun {

  /**
   * How much longer the switch holds a drill than this command runs it: the command stops it
   * itself, and the switch's own end is only for a command that was killed.
   */
  static final Duration SWITCH_MARGIN = Duration.ofSeconds(30);

  private final DrillCommand settings;
  private final Drill drill;
  private final Fault fault;
  private final DrillSwitch drillSwitch;
  private final PrometheusApi prometheus;
  private final PrintWriter out;
  private final Watch watch;
  private List<Watch.Query> queries;
  private final Map<String, String> alertStates = new LinkedHashMap<>();
  private long start;

  DrillRun(
      DrillCommand settings,
      Drill drill,
      Fault fault,
      DrillSwitch drillSwitch,
      PrometheusApi prometheus,
      PrintWriter out) {
    this.settings = settings;
    this.drill = drill;
    this.fault = fault;
    this.drillSwitch = drillSwitch;
    this.prometheus = prometheus;
    this.out = out;
    this.watch = Watch.of(drill);
  }

  /**
   * The drill's queries that the running Prometheus can answer: the p90 for the histogram chapter,
   * the mean for the summary chapter; all of them without a Prometheus, to ask one later.
   */
  private List<Watch.Query> queries(boolean watching) {
    return watch.queries().stream()
        .filter(
            q ->
                !watching
                    || q.needs() == null
                    || prometheus.value("count(" + q.needs() + ")").isPresent())
        .toList();
  }

  int run() throws DrillSwitch.Refused, InterruptedException {
    boolean watching = prometheus.ready();
    List<String> targets = settings.trafficTargets(prometheus);
    JsonNode state =
        drillSwitch.on(
            drill.command(),
            fault.grade().isEmpty() ? null : fault.grade(),
            settings.lasting.plus(SWITCH_MARGIN));
    start = System.nanoTime();
    Thread switchOffAtExit = new Thread(this::switchOffQuietly, "drill-off");
    Runtime.getRuntime().addShutdownHook(switchOffAtExit);
    announce(state);
    DrillTraffic traffic = startTraffic(targets);
    queries = queries(watching);
    printWhatToWatch(watching);
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch quit = new CountDownLatch(1);
    DrillCommand.onInterrupt(stopped, quit::countDown);
    try {
      long until = System.nanoTime() + settings.lasting.toNanos();
      while (!DrillCommand.await(stopped, untilNextTick(until))) {
        if (System.nanoTime() >= until) {
          break;
        }
        report(watching);
      }
      drillSwitch.off();
      Runtime.getRuntime().removeShutdownHook(switchOffAtExit);
      long stoppedAt = System.nanoTime();
      line(
          "drill "
              + drill.command()
              + " stopped at "
              + clock(stoppedAt)
              + "; the stand-in answers as before");
      if (watching) {
        awaitResolved(stoppedAt, quit);
      }
    } finally {
      if (traffic != null) {
        traffic.close();
      }
    }
    out.flush();
    return DrillCommand.DONE;
  }

  private void announce(JsonNode state) {
    line(
        "drill "
            + drill.command()
            + (fault.grade().isEmpty() ? "" : " " + fault.grade())
            + " on: "
            + drill.summary()
            + " (switch "
            + drillSwitch.address()
            + ", until "
            + Instant.parse(state.path("until").asText()).truncatedTo(ChronoUnit.SECONDS)
            + " at the latest)");
  }

  /** The drill's requests, or null when there are none to send. */
  private DrillTraffic startTraffic(List<String> targets) {
    if (settings.trafficRate == 0 || targets.isEmpty()) {
      line("traffic: none (--traffic 0, or no instance found): send your own requests");
      return null;
    }
    line(
        "traffic: "
            + DrillCommand.number(OptionalDouble.of(settings.trafficRate))
            + " requests/s to /repos/... of "
            + String.join(", ", targets));
    return DrillTraffic.start(
        targets, settings.trafficRate, drill == Drill.SLOW_REPOSITORY ? fault.repository() : null);
  }

  private void printWhatToWatch(boolean watching) {
    line("watch:");
    for (Watch.Query query : queries) {
      line("  " + query.name() + ": " + query.promql());
    }
    if (watching) {
      for (String alert : watch.alerts()) {
        line("alert: " + expectation(alert));
      }
      line(
          "values every "
              + settings.every.toSeconds()
              + " s from "
              + prometheus.url()
              + "; Ctrl-C stops the drill, a second Ctrl-C quits");
    } else {
      line(
          "no Prometheus at "
              + prometheus.url()
              + ": start one (./scrape, or ./topology) to see these move and the alert "
              + watch.alerts().get(0)
              + " fire; Ctrl-C stops the drill");
    }
  }

  private Duration untilNextTick(long until) {
    long left = until - System.nanoTime();
    return Duration.ofNanos(Math.max(0, Math.min(settings.every.toNanos(), left)));
  }

  /** Watches until every alert that went pending or fired has resolved, or the wait is over. */
  private void awaitResolved(long stoppedAt, CountDownLatch quit) throws InterruptedException {
    if (alertStates.isEmpty()) {
      report(true);
    }
    if (alertStates.isEmpty()) {
      line("no alert of this drill went pending: nothing to resolve");
      return;
    }
    line(
        "watching "
            + String.join(", ", active())
            + " resolve (Ctrl-C quits; at most "
            + minutes(settings.resolveWait.toNanos())
            + ")");
    long until = stoppedAt + settings.resolveWait.toNanos();
    while (!DrillCommand.await(quit, untilNextTick(until))) {
      report(true);
      if (alertStates.isEmpty()) {
        line(
            "every alert of the drill resolved, "
                + minutes(System.nanoTime() - stoppedAt)
                + " after it stopped");
        return;
      }
      if (System.nanoTime() >= until) {
        line(
            "still active after "
                + minutes(until - stoppedAt)
                + ": "
                + String.join(", ", active()));
        return;
      }
    }
  }

  /** The drill's alerts pending or firing now, in the drill's order, whichever came first. */
  private List<String> active() {
    return watch.alerts().stream().filter(alertStates::containsKey).toList();
  }

  /** One line of values, then a line for each change of the drill's alerts. */
  private void report(boolean watching) {
    if (!watching) {
      return;
    }
    StringBuilder values = new StringBuilder();
    for (Watch.Query query : queries) {
      values
          .append(values.length() == 0 ? "" : "   ")
          .append(query.name())
          .append(' ')
          .append(DrillCommand.number(prometheus.value(query.promql())));
    }
    line("  " + clock(System.nanoTime()) + "  " + values);
    Map<String, String> now;
    try {
      now = prometheus.alertStates();
    } catch (IOException e) {
      line("  " + clock(System.nanoTime()) + "  (alerts unreadable: " + e.getMessage() + ")");
      return;
    }
    for (String alert : watch.alerts()) {
      String before = alertStates.get(alert);
      String after = now.get(alert);
      if (after != null && !after.equals(before)) {
        alertStates.put(alert, after);
        line("  " + clock(System.nanoTime()) + "  " + alert + " " + after);
      } else if (after == null && before != null) {
        alertStates.remove(alert);
        line(
            "  "
                + clock(System.nanoTime())
                + "  "
                + alert
                + (before.equals("firing") ? " resolved" : " inactive again, without firing"));
      }
    }
  }

  /** When the alert should go pending and fire, by the rule the running Prometheus has. */
  private String expectation(String alert) {
    String needs = Watch.ALERT_NEEDS.get(alert);
    if (needs != null && prometheus.value("count(" + needs + ")").isEmpty()) {
      return alert
          + " reads "
          + needs
          + ", which nothing scraped here has: it will not fire (a summary's quantiles do not"
          + " add up across instances: docs/drills.md)";
    }
    Optional<PrometheusApi.AlertRule> rule = prometheus.alertRule(alert);
    if (rule.isEmpty()) {
      return alert
          + ": the Prometheus at "
          + prometheus.url()
          + " has no such rule (load prometheus/alerting_rules.yml)";
    }
    return alert
        + " goes pending once "
        + rule.get().query().strip().replaceAll("\\s+", " ")
        + ", and fires when that has held for "
        + minutes(rule.get().holdFor().toNanos());
  }

  private void switchOffQuietly() {
    try {
      drillSwitch.off();
    } catch (DrillSwitch.Refused e) {
      // the process ends all the same; the drill ends by itself at its time
    }
  }

  private String clock(long nanos) {
    long seconds = Duration.ofNanos(nanos - start).toSeconds();
    return String.format("%d:%02d", seconds / 60, seconds % 60);
  }

  private static String minutes(long nanos) {
    long seconds = Duration.ofNanos(nanos).toSeconds();
    return seconds < 60 || seconds % 60 != 0
        ? (seconds >= 60 ? seconds / 60 + "m" : "") + (seconds % 60) + "s"
        : seconds / 60 + "m";
  }

  private void line(String text) {
    out.println(text);
    out.flush();
  }
}
