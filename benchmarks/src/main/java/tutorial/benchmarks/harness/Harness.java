package tutorial.benchmarks.harness;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The benchmark harness that {@code ./bench} runs after building the jars: JMH for the per-call and
 * per-scrape costs, then start-up, HTTP load and memory with the services' own jars. It writes
 * results.md, results.json, raw.txt and chart.png to its output folder and, after a full run, puts
 * the run's targets and links to those files into BENCHMARKS.md.
 *
 * <pre>
 * ./bench [--quick] [--only=jmh,startup,http,memory,user,tracing,incident,exercise,reader] [--out=DIR] [--wrk='-t2 -c32'] [--update-doc|--no-update-doc]
 * </pre>
 */
public final class Harness {

  static final String BEGIN = "<!-- results:begin (written by ./bench) -->";
  static final String END = "<!-- results:end -->";
  private static final Set<String> PHASES =
      Set.of(
          "jmh", "startup", "http", "memory", "user", "tracing", "incident", "exercise", "reader");

  private Harness() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Plan plan = Plan.full();
    Path out = root.resolve("benchmarks/results");
    List<String> only =
        new ArrayList<>(
            List.of("jmh", "startup", "http", "memory", "user", "tracing", "incident", "exercise"));
    Boolean updateDoc = null;
    for (String arg : args) {
      if (arg.equals("--quick")) {
        plan = Plan.forQuickCheck().withLoad(plan.wrkLoad());
      } else if (arg.startsWith("--only=")) {
        only = Arrays.asList(arg.substring(7).split(","));
        if (!PHASES.containsAll(only)) {
          usage("unknown phase in " + arg);
        }
      } else if (arg.startsWith("--out=")) {
        out = root.resolve(arg.substring(6));
      } else if (arg.startsWith("--wrk=")) {
        plan = plan.withLoad(List.of(arg.substring(6).trim().split("\\s+")));
      } else if (arg.equals("--update-doc")) {
        updateDoc = true;
      } else if (arg.equals("--no-update-doc")) {
        updateDoc = false;
      } else {
        usage("unknown argument " + arg);
      }
    }
    // a quick or partial run must not replace a full run's numbers in BENCHMARKS.md by accident
    boolean writeDoc =
        updateDoc != null ? updateDoc : !plan.isQuick() && only.size() == PHASES.size();

    Files.createDirectories(out);
    Path jar = root.resolve("benchmarks/target/benchmarks.jar");
    TunedOptions options = TunedOptions.read(root);
    Results results = new Results();
    long started = System.nanoTime();
    String startedAt =
        ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    String loadBefore = Machine.loadAverage();
    try (Log log = new Log(out.resolve("raw.txt"))) {
      log.step(
          "./bench " + String.join(" ", args) + " (" + plan.mode() + " plan; phases " + only + ")");
      log.step("load average " + loadBefore + "; tuned flags " + options.allFlags());
      if (Double.parseDouble(loadBefore.split(" ")[0]) > 1) {
        log.step("warning: the machine is busy (1-minute load above 1); the numbers will be noisy");
      }
      if (only.contains("jmh")) {
        new JmhPhase(plan, log).run(results);
      }
      if (only.contains("startup")) {
        new StartupPhase(plan, log, root, out, options).run(results, jar);
      }
      if (only.contains("http")) {
        new HttpPhase(plan, log, root, out, options).run(results, jar);
      }
      if (only.contains("memory")) {
        new MemoryPhase(plan, log, root, options).run(results);
      }
      if (only.contains("user")) {
        new UserViewPhase(plan, log, root, options).run(results, jar);
      }
      if (only.contains("tracing")) {
        new TracingPhase(plan, log, root).run(results);
      }
      if (only.contains("incident")) {
        new IncidentPhase(log, root).run(results);
      }
      if (only.contains("exercise")) {
        new ExercisePhase(plan, log, root).run(results);
      }
      if (only.contains("reader")) {
        new ReaderPhase(plan, log, root).run(results);
      }
      results.run =
          new Results.Run(
              plan.mode(),
              startedAt,
              ("./bench " + String.join(" ", args)).strip(),
              Machine.describe(),
              loadBefore,
              Machine.loadAverage(),
              Duration.ofNanos(System.nanoTime() - started).toSeconds(),
              plan.wrkLoad());

      Report report = new Report(results);
      log.step("targets:");
      for (Goal goal : report.goals()) {
        log.step(
            String.format(
                "  %-72s %14s  %s", goal.what(), goal.measured(), goal.verdict().replace("*", "")));
      }
      Files.writeString(out.resolve("results.md"), report.markdown());
      report.writeChartData(out);
      new ObjectMapper()
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.resolve("results.json").toFile(), results);
      drawChart(root, out, log);
      Files.write(out.resolve("summary.txt"), log.steps());
      log.step(
          "results in "
              + root.relativize(out)
              + "/ (results.md, results.json, raw.txt, chart.png)");
      if (writeDoc) {
        updateDoc(root, out, log, report);
      }
    }
  }

  private static void drawChart(Path root, Path out, Log log) throws InterruptedException {
    try {
      Process gnuplot =
          new ProcessBuilder(
                  "gnuplot",
                  "-e",
                  "dir='" + out + "'",
                  root.resolve("benchmarks/chart.gp").toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(gnuplot.getInputStream().readAllBytes());
      if (gnuplot.waitFor() != 0) {
        log.step("warning: gnuplot failed, no chart: " + output);
      }
    } catch (IOException e) {
      log.step("warning: gnuplot is not installed (apt-get install gnuplot-nox), no chart");
    }
  }

  /** Replaces the part of BENCHMARKS.md between the two markers with this run's targets. */
  private static void updateDoc(Path root, Path out, Log log, Report report) throws IOException {
    Path doc = root.resolve("BENCHMARKS.md");
    String text = Files.exists(doc) ? Files.readString(doc) : "";
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      log.step("BENCHMARKS.md has no results markers; not updated");
      return;
    }
    // the tables stay in results.md alone, linked from here: copied in, they buried the prose
    String section = BEGIN + "\n\n" + report.docSection(root.relativize(out).toString()) + "\n";
    Files.writeString(doc, text.substring(0, begin) + section + text.substring(end));
    log.step("BENCHMARKS.md updated with these results");
  }

  private static void usage(String problem) {
    System.err.println("bench: " + problem);
    System.err.println(
        "usage: ./bench [--quick] [--only=jmh,startup,http,memory,user,tracing,incident,exercise,reader] [--out=DIR] [--wrk='-t1 -c16'] [--update-doc|--no-update-doc]");
    System.exit(2);
  }
}
