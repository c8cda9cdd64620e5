package tutorial.summaries;

import java.util.List;
import tutorial.testkit.ServiceJarContract;

/** {@code java -jar summaries-app/target/summaries-app.jar}, as a learner starts it. */
class SummariesJarIT extends ServiceJarContract {
  SummariesJarIT() {
    super(
        "summaries-app",
        List.of("request_processing_seconds"),
        List.of(
            "--github-api-url",
            "--offline",
            "--max-upstream-calls",
            "env MAX_UPSTREAM_CALLS, default 64",
            "--quantiles"));
  }
}
