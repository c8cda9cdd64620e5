package tutorial.histograms;

import tutorial.testkit.UpstreamIncidentContract;

/** histograms-app's jar while the repository API hangs: see {@link UpstreamIncidentContract}. */
class HistogramsIncidentIT extends UpstreamIncidentContract {
  HistogramsIncidentIT() {
    super("histograms-app", "request_duration_seconds");
  }
}
