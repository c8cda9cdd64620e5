package tutorial.summaries;

import tutorial.testkit.RandomRequestsContract;
import tutorial.testkit.TestSettings;

/** Seeded random requests against summaries-app: no 5xx, no stack trace, no new series. */
class SummariesRandomRequestsTest extends RandomRequestsContract {
  SummariesRandomRequestsTest() {
    super(
        (registry, upstream) ->
            new SummariesApp(
                registry, upstream, TestSettings.parse(new Quantiles(), "--quantiles=false")),
        "/repos/");
  }
}
