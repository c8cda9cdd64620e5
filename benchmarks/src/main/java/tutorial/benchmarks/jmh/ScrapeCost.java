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

/** The time of one scrape as the registry grows, in each format Prometheus can ask for. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScrapeCost {

  @Param({"1000", "10000", "100000"})
  public int series;

  @Param({"text", "openmetrics", "protobuf"})
  public ScrapeFixture.Format format;

  private ScrapeFixture fixture;

  @Setup
  public void setUp() {
    fixture = ScrapeFixture.withSeries(series, format);
  }

  @Benchmark
  public int scrape() {
    return fixture.scrape();
  }
}
