package tutorial.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tutorial.common.upstream.Drill;
import tutorial.common.upstream.DrillControl;
import tutorial.common.upstream.UpstreamStandIn;
import tutorial.testkit.Ports;
import tutorial.testkit.TerminalPane;

/**
 * {@code ./drill} against a real stand-in and its switch: what it prints, what it switches, and how
 * it refuses. With Prometheus, end to end: DrillsIT in e2e-tests.
 */
class DrillCommandTest {

  private final UpstreamStandIn standIn = UpstreamStandIn.start(false);
  private final DrillControl control = DrillControl.open(0, standIn);

  /** Where no Prometheus listens: the drill runs without one. */
  private final String noPrometheus = "http://127.0.0.1:" + Ports.free();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    control.close();
    standIn.close();
  }

  private int drill(String... args) {
    CommandLine command = DrillCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private String[] withSwitch(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--drill-port=" + control.port();
    all[1] = "--prometheus=" + noPrometheus;
    all[2] = "--traffic=0";
    all[3] = "--every=1s";
    System.arraycopy(args, 0, all, 4, args.length);
    return all;
  }

  @Test
  void listExplainsEachDrillInOneLineWithItsAlert() {
    assertThat(drill("--list")).isZero();

    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(Drill.values().length);
    assertThat(lines[0])
        .startsWith("slow [+DURATION]")
        .contains("every call slower by the grade (+200ms, +1s; default +1s)")
        .endsWith("alert HighRequestLatency");
    assertThat(out.toString())
        .contains("errors [PERCENT]", "alert HighUpstreamErrorRatio")
        .contains("hang ", "down ", "alert ServiceDown")
        .contains("slow-repository [OWNER/REPO]", "alert UpstreamBulkheadRejecting")
        .contains("flapping [DURATION]", "alert TargetFlapping");
  }

  @Test
  void aDrillRunsForItsTimeThenTheStandInIsAsBefore() throws Exception {
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(() -> drill(withSwitch("--for=2s", "errors", "100%")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (standIn.drill().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(standIn.drill())
        .hasValueSatisfying(d -> assertThat(d.fault().grade()).isEqualTo("100%"));

    // the switch holds it longer: the command ends the drill itself, the switch only a killed one
    assertThat(standIn.drill().orElseThrow().until())
        .isAfter(standIn.drill().orElseThrow().since().plusSeconds(2 + 29));
    assertThat(run.get(10, TimeUnit.SECONDS)).as(err.toString()).isZero();
    assertThat(standIn.drill()).isEmpty();
    assertThat(out.toString())
        .contains(
            "drill errors 100% on: the grade's share of calls answered 500 (switch 127.0.0.1:"
                + control.port())
        .contains("traffic: none (--traffic 0, or no instance found): send your own requests")
        .contains(
            "  upstream error ratio: sum(rate(upstream_failures_total[1m])) /"
                + " sum(rate(upstream_calls_total[1m]))")
        .contains("no Prometheus at " + noPrometheus + ": start one (./scrape, or ./topology)")
        .contains("drill errors stopped at 0:02; the stand-in answers as before");
  }

  @Test
  void statusAndStopSayWhatRuns() {
    assertThat(drill(withSwitch("status"))).isZero();
    assertThat(out.toString()).contains("no drill running; the stand-in answers as usual");

    standIn.switchOn(Drill.SLOW.fault("+200ms"), Duration.ofMinutes(1));
    assertThat(drill(withSwitch("status"))).isZero();
    assertThat(out.toString()).contains("drill slow +200ms running since ");

    assertThat(drill(withSwitch("stop"))).isZero();
    assertThat(out.toString()).contains("drill slow stopped; the stand-in answers as before");
    assertThat(standIn.drill()).isEmpty();
    assertThat(drill(withSwitch("stop"))).isZero();
    assertThat(out.toString()).endsWith("no drill was running\n");
  }

  @Test
  void aBadDrillOrGradeIsAUsageErrorAndSwitchesNothing() {
    assertThat(drill(withSwitch("meltdown"))).isEqualTo(DrillCommand.USAGE);
    assertThat(err.toString()).contains("drill: no drill 'meltdown'; ./drill --list names them.");
    assertThat(drill(withSwitch("errors", "0%"))).isEqualTo(DrillCommand.USAGE);
    assertThat(err.toString())
        .contains("errors takes a grade like 10% or 50% or 100% (PERCENT), not '0%'");
    assertThat(drill(withSwitch("hang", "1s"))).isEqualTo(DrillCommand.USAGE);
    assertThat(err.toString()).contains("hang takes no grade, not '1s'");
    assertThat(drill(withSwitch())).isEqualTo(DrillCommand.USAGE);
    assertThat(err.toString()).contains("say which drill: ./drill --list names them");
    assertThat(drill(withSwitch("slow", "+1s", "more"))).isEqualTo(DrillCommand.USAGE);
    assertThat(drill(withSwitch("--for=60m", "slow"))).isEqualTo(DrillCommand.USAGE);
    assertThat(err.toString()).contains("--for: a drill runs at most 59m");
    assertThat(standIn.drill()).isEmpty();
  }

  @Test
  void noSwitchAtThePortIsSaidWithHowToStartOne() {
    int nothing = Ports.free();
    assertThat(drill("--port=" + (nothing - 10000 > 0 ? nothing - 10000 : 1), "slow"))
        .isEqualTo(DrillCommand.CANNOT_DRILL);
    assertThat(err.toString())
        .contains("drill: nothing answers at 127.0.0.1:")
        .contains(
            "start one that calls the repository API, offline (OFFLINE=true ./run histograms-app)");
  }

  @Test
  void aServiceCallingTheRealApiRefusesWithItsReason() {
    try (DrillControl online = DrillControl.refusing(0, "https://api.github.com")) {
      assertThat(drill("--drill-port=" + online.port(), "--prometheus=" + noPrometheus, "slow"))
          .isEqualTo(DrillCommand.CANNOT_DRILL);
      assertThat(err.toString())
          .contains(
              "drill: drills break the offline stand-in, and this service calls the real"
                  + " repository API at https://api.github.com: start it with OFFLINE=true to drill");
    }
  }

  @Test
  void ctrlCInATerminalStopsTheDrill() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (TerminalPane terminal =
        TerminalPane.start(
            Duration.ofSeconds(30),
            java,
            "-cp",
            System.getProperty("java.class.path"),
            DrillCommand.class.getName(),
            "--drill-port=" + control.port(),
            "--prometheus=" + noPrometheus,
            "--traffic=0",
            "down")) {
      terminal.awaitScreen("Ctrl-C stops the drill");
      assertThat(standIn.listening()).isFalse();

      terminal.keys("C-c");

      terminal.awaitScreen("drill down stopped at ");
      assertThat(standIn.drill()).isEmpty();
      assertThat(standIn.listening()).isTrue();
    }
  }
}
