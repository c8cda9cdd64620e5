package tutorial.gauges;

import tutorial.testkit.RandomRequestsContract;

/** Seeded random requests against gauges-app: no 5xx, no stack trace, no new series. */
class GaugesRandomRequestsTest extends RandomRequestsContract {
  GaugesRandomRequestsTest() {
    super((registry, upstream) -> new GaugesApp(registry), "/add", "/remove");
  }
}
