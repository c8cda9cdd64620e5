package tutorial.summaries;

import tutorial.common.testing.UpstreamIncidentContract;

/** summaries-app's jar while the repository API hangs: see {@link UpstreamIncidentContract}. */
class SummariesIncidentIT extends UpstreamIncidentContract {
  SummariesIncidentIT() {
    super("summaries-app", "request_processing_seconds");
  }
}
