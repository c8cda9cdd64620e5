package tutorial.benchmarks.harness;

import java.nio.file.Path;
import java.util.List;
import tutorial.steps.Chapter;

/** A service the harness starts: a chapter of chapters.tsv, by its module name. */
final class App {

  private static final List<App> ALL = Chapter.all().stream().map(App::new).toList();

  /** The service that the start-up and JVM-metrics comparisons take as their example. */
  static final App COUNTERS = named("counters-app");

  final String module;
  private final boolean callsApi;

  private App(Chapter chapter) {
    this.module = chapter.module();
    this.callsApi = chapter.callsApi();
  }

  /** Every chapter's service, in the tutorial's order. */
  static List<App> all() {
    return ALL;
  }

  private static App named(String module) {
    return ALL.stream().filter(app -> app.module.equals(module)).findFirst().orElseThrow();
  }

  /** Whether its /repos/... calls the repository API. */
  boolean callsApi() {
    return callsApi;
  }

  /** The repository-API services answer from the embedded stand-in, with no delay. */
  List<String> offlineFlags() {
    return callsApi ? List.of("--offline=true", "--stand-in-latency=false") : List.of();
  }

  /** The class-data archive {@code ./run} makes for the tuned launch. */
  Path archive(Path root) {
    return root.resolve(module).resolve("target").resolve(module + ".jsa");
  }
}
