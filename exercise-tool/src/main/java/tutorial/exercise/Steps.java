package tutorial.exercise;

/**
 * The steps the exercises' {@code TODO(step)} markers name: the tutorial's own comments, where the
 * tutorial has one, so that a learner finds the same words in its Python file.
 */
final class Steps {

  static final String DEFINE_COUNTERS = "Define Prometheus counters";
  static final String INCREMENT_COUNTERS = "Increment the counters";
  static final String SERVE_METRICS = "Expose the metrics for Prometheus to scrape";
  static final String DEFINE_GAUGE = "Define a gauge to track the size of a list";
  static final String SET_GAUGE_ON_ADD = "Set the gauge to the length of my_list";
  static final String SET_GAUGE_ON_REMOVE = "Set the gauge again after a remove";
  static final String DEFINE_HISTOGRAM = "Define a histogram to measure the time taken";
  static final String TIME_CALL = "Measure the time taken to process the request";
  static final String OWN_BUCKETS = "The tutorial's own buckets";
  static final String DEFINE_SUMMARY = "Define a summary to measure the time taken";
  static final String DEFINE_INFO = "Define an Info metric to expose static information";
  static final String DEFINE_STATE = "Define an Enum metric to track states";
  static final String SET_ONE_STATE = "Set exactly one state";
  static final String LABEL_BY_ROUTE = "Label by the route, not the path";
  static final String ATTACH_EXEMPLAR = "Attach the trace id as an exemplar";

  private Steps() {}
}
