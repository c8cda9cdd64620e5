package tutorial.histograms;

import tutorial.testkit.RandomRequestsContract;
import tutorial.testkit.TestSettings;

/** Seeded random requests against histograms-app: no 5xx, no stack trace, no new series. */
class HistogramsRandomRequestsTest extends RandomRequestsContract {
  HistogramsRandomRequestsTest() {
    super(
        (registry, upstream) ->
            new HistogramsApp(
                registry, upstream, TestSettings.parse(new Buckets(), "--buckets=python")),
        "/repos/");
  }
}
