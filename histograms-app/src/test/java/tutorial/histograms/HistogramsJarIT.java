package tutorial.histograms;

import java.util.List;
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
}
