package tutorial.summaries;

import java.util.List;
import java.util.stream.Stream;
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

  @Override
  protected List<List<String>> badOwnSettings() {
    return Stream.concat(
            BAD_UPSTREAM_SETTINGS.stream(),
            Stream.of(List.of("SUMMARY_QUANTILES", "some", "--quantiles")))
        .toList();
  }
}
