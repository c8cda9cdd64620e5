package tutorial.histograms;

import tutorial.common.testing.RandomRequestsContract;

/** Seeded random requests against histograms-app: no 5xx, no stack trace, no new series. */
class HistogramsRandomRequestsTest extends RandomRequestsContract {
  HistogramsRandomRequestsTest() {
    super(
        (registry, upstream) ->
            new HistogramsApp(registry, upstream, Buckets.of(Buckets.Layout.python)),
        "/repos/");
  }
}
