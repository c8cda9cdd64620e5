package tutorial.custommetrics;

import tutorial.testkit.RandomRequestsContract;

/** Seeded random requests against custom-metrics-app: no 5xx, no stack trace, no new series. */
class CustomMetricsRandomRequestsTest extends RandomRequestsContract {
  CustomMetricsRandomRequestsTest() {
    super((registry, upstream) -> new CustomMetricsApp(registry), "/state");
  }
}
