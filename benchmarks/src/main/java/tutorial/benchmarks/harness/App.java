package tutorial.benchmarks.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /**
   * Waits up to 90 s for the cache or archive that {@code ./run}'s first start makes beside it (in
   * the background); its stamp is written once it is whole. False if it is not there by then.
   */
  static boolean awaitMadeBeside(Path cache) throws InterruptedException {
    Path stamp = Path.of(cache + ".jdk");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!Files.exists(stamp) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    return Files.exists(stamp);
  }
}
