package tutorial.common.startup;

import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The standard JVM and process metrics: what client_java's {@code JvmMetrics} registers, less its
 * native-memory collector. That one exposes nothing unless the JVM runs with {@code
 * -XX:NativeMemoryTracking}, and asking the JVM whether it does is slow, at every start.
 *
 * <p>Looking up the JVM's management beans is a large part of a start, so the collectors are built
 * on another thread, into a registry of their own, while the server starts; the service's registry
 * holds a view of that registry, and a scrape that comes before they are ready waits for them (the
 * costs are in BENCHMARKS.md).
 */
public final class RuntimeMetrics implements MultiCollector {

  private final CompletableFuture<PrometheusRegistry> collectors;

  private RuntimeMetrics(CompletableFuture<PrometheusRegistry> collectors) {
    this.collectors = collectors;
  }

  public static void register(PrometheusRegistry registry) {
    registry.register(new RuntimeMetrics(CompletableFuture.supplyAsync(RuntimeMetrics::build)));
  }

  private static PrometheusRegistry build() {
    PrometheusRegistry registry = new PrometheusRegistry();
    ProcessMetrics.builder().register(registry);
    JvmThreadsMetrics.builder().register(registry);
    JvmBufferPoolMetrics.builder().register(registry);
    JvmClassLoadingMetrics.builder().register(registry);
    JvmCompilationMetrics.builder().register(registry);
    JvmGarbageCollectorMetrics.builder().register(registry);
    JvmMemoryPoolAllocationMetrics.builder().register(registry);
    JvmMemoryMetrics.builder().register(registry);
    JvmRuntimeInfoMetric.builder().register(registry);
    // A first collection, here and not in the first scrape: it makes the reflection and lambdas
    // that every collection uses, once. The collectors only read the JVM's state.
    registry.scrape();
    return registry;
  }

  @Override
  public MetricSnapshots collect() {
    return collectors.join().scrape();
  }

  /** Only the families asked for ({@code name[]}), as the collectors themselves would do. */
  @Override
  public MetricSnapshots collect(Predicate<String> includedNames, PrometheusScrapeRequest request) {
    return collectors.join().scrape(includedNames, request);
  }
}
