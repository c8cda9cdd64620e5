package tutorial.summaries;

import tutorial.common.testing.RandomRequestsContract;
import tutorial.common.testing.TestSettings;

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
