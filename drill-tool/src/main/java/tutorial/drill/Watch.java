package tutorial.drill;

import java.util.List;
import java.util.Map;
import tutorial.common.upstream.Drill;

/**
 * What shows a drill: the queries whose values move, and the alerts that should go pending and then
 * fire, the first of them the one the drill is for.
 */
record Watch(Drill drill, List<Query> queries, List<String> alerts) {

  /**
   * A query to watch, by what it measures; {@code needs} is the series it reads, when only one of
   * the chapters has it (the histogram's buckets, the summary's count), else null.
   */
  record Query(String name, String promql, String needs) {
    Query(String name, String promql) {
      this(name, promql, null);
    }
  }

  static final Query P90 =
      new Query(
          "p90 of /repos (s)",
          "histogram_quantile(0.9, sum by (le) (rate(request_duration_seconds_bucket[1m])))",
          "request_duration_seconds_bucket");

  /** The summary's mean: all a summary offers across instances (summaries-app has no buckets). */
  static final Query SUMMARY_MEAN =
      new Query(
          "mean of /repos (s), summary",
          "sum(rate(request_processing_seconds_sum[1m])) /"
              + " sum(rate(request_processing_seconds_count[1m]))",
          "request_processing_seconds_count");

  static final Query ERROR_RATIO =
      new Query(
          "upstream error ratio",
          "sum(rate(upstream_failures_total[1m])) / sum(rate(upstream_calls_total[1m]))");
  static final Query SERVER_ERRORS =
      new Query("5xx per s", "sum(rate(upstream_failures_total{outcome=\"5xx\"}[1m]))");
  static final Query TIMEOUTS =
      new Query("timeouts per s", "sum(rate(upstream_failures_total{outcome=\"timeout\"}[1m]))");
  static final Query REFUSED =
      new Query("refused per s", "sum(rate(upstream_failures_total{outcome=\"refused\"}[1m]))");
  static final Query UPSTREAM_UP = new Query("up of the API", "min(up{job=\"repository-api\"})");
  static final Query UP_CHANGES =
      new Query("its up changes in 10m", "max(changes(up{job=\"repository-api\"}[10m]))");
  static final Query REJECTIONS =
      new Query("bulkhead rejections per s", "sum(rate(upstream_bulkhead_rejections_total[1m]))");

  /** The drills in their order, each with what shows it. */
  static final List<Watch> ALL =
      List.of(
          new Watch(Drill.SLOW, List.of(P90, SUMMARY_MEAN), List.of("HighRequestLatency")),
          new Watch(
              Drill.ERRORS, List.of(ERROR_RATIO, SERVER_ERRORS), List.of("HighUpstreamErrorRatio")),
          new Watch(
              Drill.HANG,
              List.of(ERROR_RATIO, TIMEOUTS, P90, SUMMARY_MEAN),
              List.of("HighUpstreamErrorRatio", "HighRequestLatency")),
          new Watch(
              Drill.DOWN,
              List.of(UPSTREAM_UP, ERROR_RATIO, REFUSED),
              List.of("ServiceDown", "HighUpstreamErrorRatio")),
          new Watch(
              Drill.SLOW_REPOSITORY,
              List.of(REJECTIONS, TIMEOUTS),
              List.of("UpstreamBulkheadRejecting")),
          new Watch(Drill.FLAPPING, List.of(UPSTREAM_UP, UP_CHANGES), List.of("TargetFlapping")));

  /** The alert that reads one chapter's series only: the latency alert, the histogram's. */
  static final Map<String, String> ALERT_NEEDS =
      Map.of("HighRequestLatency", "request_duration_seconds_bucket");

  static Watch of(Drill drill) {
    return ALL.stream().filter(w -> w.drill() == drill).findFirst().orElseThrow();
  }
}
