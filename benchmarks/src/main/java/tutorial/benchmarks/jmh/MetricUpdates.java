package tutorial.benchmarks.jmh;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.datapoints.Timer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one metric update, made as the apps make it. The metrics are shared by all benchmark
 * threads, as one metric is shared by all request threads. "cached" is the apps' way (the labelled
 * data point looked up once, client_java's advice); "labelled" looks it up on every call, to show
 * what the cache saves. The timer benchmarks are the apps' exact code: {@code try (Timer timer =
 * dataPoint.startTimer())} around the request, here around nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricUpdates {

  private final LongAdder adder = new LongAdder();
  private Counter homePageVisits;
  private Gauge listSize;
  private GaugeDataPoint myListSize;
  private Histogram requestDuration;
  private DistributionDataPoint reposDuration;
  private Summary requestProcessing;
  private DistributionDataPoint reposProcessing;
  private DistributionDataPoint reposProcessingQuantiles;

  @Setup
  public void setUp() {
    PrometheusRegistry registry = new PrometheusRegistry();
    homePageVisits = AppMetrics.homePageVisits(registry);
    listSize = AppMetrics.listSize(registry);
    myListSize = listSize.labelValues("my_list");
    requestDuration = AppMetrics.requestDuration(registry);
    reposDuration = requestDuration.labelValues("GET", "/repos");
    requestProcessing = AppMetrics.requestProcessing(registry, false);
    reposProcessing = requestProcessing.labelValues("get", "/repos");
    reposProcessingQuantiles =
        AppMetrics.requestProcessing(new PrometheusRegistry(), true).labelValues("get", "/repos");
  }

  /** Each thread observes its own seeded sequence of durations. */
  @State(Scope.Thread)
  public static class Values {
    private final Latencies latencies = new Latencies(42);
    private long size;

    double duration() {
      return latencies.next();
    }

    long listSize() {
      return size = (size + 1) & 63;
    }
  }

  @Benchmark
  public void counterInc() {
    homePageVisits.inc();
  }

  /**
   * The floor under counterInc: the one atomic add a thread-safe counter cannot do without, on a
   * bare {@link LongAdder} (what client_java's counter adds to), with nothing around it.
   */
  @Benchmark
  public void longAdderIncrement() {
    adder.increment();
  }

  @Benchmark
  public void gaugeSetCached(Values values) {
    myListSize.set(values.listSize());
  }

  @Benchmark
  public void gaugeSetLabelled(Values values) {
    listSize.labelValues("my_list").set(values.listSize());
  }

  @Benchmark
  public void histogramObserveCached(Values values) {
    reposDuration.observe(values.duration());
  }

  @Benchmark
  public void histogramObserveLabelled(Values values) {
    requestDuration.labelValues("GET", "/repos").observe(values.duration());
  }

  @Benchmark
  public void histogramTimerCached() {
    try (Timer timer = reposDuration.startTimer()) {
      // the request would run here
    }
  }

  /**
   * histograms-app's timer as it runs in a traced request: a sampled span is current, so
   * client_java's exemplar sampler reads it (and the clock) at every observation, and takes its ids
   * at most every 90 ms per bucket.
   */
  @Benchmark
  public void histogramTimerInSpan(InSpan span) {
    try (Timer timer = reposDuration.startTimer()) {
      // the traced request would run here
    }
  }

  /** A sampled span, current on the benchmark thread for the whole run. */
  @State(Scope.Thread)
  public static class InSpan {
    private SdkTracerProvider provider;
    private Span span;
    private io.opentelemetry.context.Scope current;

    @Setup
    public void enter() {
      // a span processor, or the SDK hands out a no-op tracer; this one exports nowhere
      provider =
          SdkTracerProvider.builder()
              .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite()))
              .build();
      span =
          provider.get("benchmark").spanBuilder("GET /repos/{username}/{repository}").startSpan();
      current = span.makeCurrent();
    }

    @TearDown
    public void leave() {
      current.close();
      span.end();
      provider.close();
    }
  }

  @Benchmark
  public void summaryObserveCached(Values values) {
    reposProcessing.observe(values.duration());
  }

  @Benchmark
  public void summaryObserveLabelled(Values values) {
    requestProcessing.labelValues("get", "/repos").observe(values.duration());
  }

  @Benchmark
  public void summaryTimerCached() {
    try (Timer timer = reposProcessing.startTimer()) {
      // the request would run here
    }
  }

  /** summaries-app with {@code --quantiles=true}: three quantiles over a sliding window. */
  @Benchmark
  public void summaryQuantilesObserveCached(Values values) {
    reposProcessingQuantiles.observe(values.duration());
  }
}
