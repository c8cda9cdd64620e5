package tutorial.benchmarks.harness;

import java.nio.file.Path;
import java.util.List;

/** The five services, by module name. */
enum App {
  COUNTERS("counters-app"),
  GAUGES("gauges-app"),
  HISTOGRAMS("histograms-app"),
  SUMMARIES("summaries-app"),
  CUSTOM_METRICS("custom-metrics-app");

  final String module;

  App(String module) {
    this.module = module;
  }

  /** The repository-API services answer from the embedded stand-in, with no delay. */
  List<String> offlineFlags() {
    return this == HISTOGRAMS || this == SUMMARIES
        ? List.of("--offline=true", "--stand-in-latency=false")
        : List.of();
  }

  /** The class-data archive {@code ./run} makes for the tuned launch. */
  Path archive(Path root) {
    return root.resolve(module).resolve("target").resolve(module + ".jsa");
  }
}
