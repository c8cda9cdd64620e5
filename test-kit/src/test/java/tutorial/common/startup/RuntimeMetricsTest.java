package tutorial.common.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tutorial.common.settings.ServiceSettings;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * The JVM and process metrics every service exposes by default, the Java counterpart of the Python
 * client's default collectors, and the one setting that turns them off.
 */
class RuntimeMetricsTest {

  /** One family from each part of client_java's JVM instrumentation. */
  static final List<String> RUNTIME_FAMILIES =
      List.of(
          "process_cpu_seconds_total",
          "process_resident_memory_bytes",
          "process_virtual_memory_bytes",
          "process_start_time_seconds",
          "process_open_fds",
          "process_max_fds",
          "jvm_memory_used_bytes",
          "jvm_memory_pool_used_bytes",
          "jvm_buffer_pool_used_bytes",
          "jvm_gc_collection_seconds",
          "jvm_threads_current",
          "jvm_threads_state",
          "jvm_classes_currently_loaded",
          "jvm_compilation_time_seconds_total",
          "jvm_runtime_info");

  @Test
  void onByDefault() {
    ServiceSettings defaults = parseOnLoopback();
    assertThat(defaults.jvmMetrics()).isTrue();

    try (RunningService service = RunningService.start(defaults, RunningService::metricsOnly)) {
      String scrape = service.get("/metrics").text();
      for (String family : RUNTIME_FAMILIES) {
        assertThat(scrape).contains("# TYPE " + family + " ");
      }
    }
  }

  @Test
  void offWithOneSetting() {
    ServiceSettings off = parseOnLoopback("--jvm-metrics=false");

    try (RunningService service = RunningService.start(off, RunningService::metricsOnly)) {
      assertThat(service.get("/metrics").text()).isEmpty();
    }
  }

  @Test
  void aChaptersFilteredScrapeLeavesThemOut() {
    try (RunningService service =
        RunningService.start(
            TestSettings.service("--jvm-metrics=true"), RunningService::metricsOnly)) {
      assertThat(service.scrape("process_cpu_seconds_total"))
          .startsWith("# HELP process_cpu_seconds_total")
          .doesNotContain("jvm_");
    }
  }

  /** The service's own defaults, but for where it listens. */
  private static ServiceSettings parseOnLoopback(String... flags) {
    String[] args =
        Stream.concat(Stream.of("--port=0", "--host=127.0.0.1"), Stream.of(flags))
            .toArray(String[]::new);
    return ServiceSettings.parse("test-app", args, List.of());
  }
}
