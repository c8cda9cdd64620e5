package tutorial.counters;

import tutorial.testkit.RandomRequestsContract;

/** Seeded random requests against counters-app: no 5xx, no stack trace, no new series. */
class CountersRandomRequestsTest extends RandomRequestsContract {
  CountersRandomRequestsTest() {
    super((registry, upstream) -> new CountersApp(registry), "/", "/about");
  }
}
