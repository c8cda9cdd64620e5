package tutorial.summaries;

import tutorial.testkit.UpstreamIncidentContract;

/** summaries-app's jar while the repository API hangs: see {@link UpstreamIncidentContract}. */
class SummariesIncidentIT extends UpstreamIncidentContract {
  SummariesIncidentIT() {
    super("summaries-app", "request_processing_seconds");
  }
}
