package tutorial.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * counters-app's scrape with and without the JVM and process metrics ({@code --jvm-metrics}): the
 * runtime metrics walk threads, memory pools and /proc on every scrape, the app's are two numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JvmMetricsScrape {

  @Param({"false", "true"})
  public boolean jvmMetrics;

  private ScrapeFixture fixture;

  @Setup
  public void setUp() {
    fixture = ScrapeFixture.countersApp(jvmMetrics, ScrapeFixture.Format.text);
  }

  @Benchmark
  public int scrape() {
    return fixture.scrape();
  }
}
