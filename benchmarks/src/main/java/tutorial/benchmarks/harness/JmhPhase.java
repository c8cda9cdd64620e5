package tutorial.benchmarks.harness;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import tutorial.benchmarks.jmh.JvmMetricsScrape;
import tutorial.benchmarks.jmh.MetricUpdates;
import tutorial.benchmarks.jmh.ScrapeCost;
import tutorial.benchmarks.jmh.ScrapeFixture;

/**
 * The JMH part: per-call cost of each metric update (1 and 2 threads) and per-scrape cost as the
 * registry grows. Each benchmark runs in a forked JVM with the JVM's default flags: these are the
 * costs of client_java's code at its best (the optimising JIT compiler), not of a launch; what the
 * tuned launch's quick-only JIT costs shows in the HTTP numbers, where it applies to both the
 * services and the baseline.
 */
final class JmhPhase {

  private final Plan plan;
  private final Log log;

  JmhPhase(Plan plan, Log log) {
    this.plan = plan;
    this.log = log;
  }

  void run(Results results) throws RunnerException {
    for (int threads : new int[] {1, 2}) {
      log.step("JMH: metric updates, " + threads + " thread(s)");
      for (RunResult result :
          run(MetricUpdates.class.getName(), plan.updates(), threads, List.of())) {
        results.updates.add(
            new Results.Update(
                shortName(result),
                threads,
                score(result),
                result.getPrimaryResult().getScoreError()));
      }
    }

    log.step("JMH: scrape cost at 1k, 10k and 100k series, three formats");
    // a fixed heap, so that the 100k-series registry does not make the GC resize it mid-run
    for (RunResult result :
        run(ScrapeCost.class.getName(), plan.scrapes(), 1, List.of("-Xms1g", "-Xmx1g"))) {
      int series = Integer.parseInt(result.getParams().getParam("series"));
      String format = result.getParams().getParam("format");
      int bytes = ScrapeFixture.withSeries(series, ScrapeFixture.Format.valueOf(format)).scrape();
      results.scrapes.add(
          new Results.Scrape(
              series, format, score(result), result.getPrimaryResult().getScoreError(), bytes));
    }

    log.step("JMH: counters-app's scrape with and without JVM metrics");
    for (RunResult result : run(JvmMetricsScrape.class.getName(), plan.scrapes(), 1, List.of())) {
      boolean jvm = Boolean.parseBoolean(result.getParams().getParam("jvmMetrics"));
      int bytes = ScrapeFixture.countersApp(jvm, ScrapeFixture.Format.text).scrape();
      results.jvmScrapes.add(
          new Results.JvmScrape(
              jvm, score(result), result.getPrimaryResult().getScoreError(), bytes));
    }
  }

  private Collection<RunResult> run(
      String benchmark, Plan.Jmh iterations, int threads, List<String> flags)
      throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + benchmark.replace(".", "\\.") + "\\.")
            .forks(1)
            .threads(threads)
            .warmupIterations(iterations.warmups())
            .warmupTime(TimeValue.milliseconds(iterations.warmupTime().toMillis()))
            .measurementIterations(iterations.iterations())
            .measurementTime(TimeValue.milliseconds(iterations.iterationTime().toMillis()))
            .jvmArgs(flags.toArray(String[]::new));
    log.raw("JMH " + benchmark + " threads=" + threads + " jvmArgs=" + flags);
    return new Runner(
            options.build(),
            OutputFormatFactory.createFormatInstance(log.tee(), VerboseMode.NORMAL))
        .run();
  }

  private static double score(RunResult result) {
    return result.getPrimaryResult().getScore();
  }

  private static String shortName(RunResult result) {
    String name = result.getParams().getBenchmark();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
