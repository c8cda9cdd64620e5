package tutorial.histograms;

import java.util.List;
import java.util.stream.Stream;
import tutorial.testkit.ServiceJarContract;

/** {@code java -jar histograms-app/target/histograms-app.jar}, as a learner starts it. */
class HistogramsJarIT extends ServiceJarContract {
  HistogramsJarIT() {
    super(
        "histograms-app",
        List.of("request_duration_seconds"),
        List.of(
            "--github-api-url",
            "--offline",
            "--max-upstream-calls",
            "env MAX_UPSTREAM_CALLS, default 64",
            "--buckets",
            "--native-histogram"));
  }

  @Override
  protected List<List<String>> badOwnSettings() {
    return Stream.concat(
            BAD_UPSTREAM_SETTINGS.stream(),
            Stream.of(List.of("HISTOGRAM_BUCKETS", "finer", "--buckets")))
        .toList();
  }
}
