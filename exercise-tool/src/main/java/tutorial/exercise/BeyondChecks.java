package tutorial.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tutorial.compare.Family;
import tutorial.compare.Format;
import tutorial.compare.Sample;
import tutorial.compare.Scrape;

/**
 * Beyond the tutorial: a label that cannot leak (the route template, never the path a user typed),
 * and an exemplar that leads from a bucket to the call that landed in it.
 */
final class BeyondChecks {

  static final String REQUESTS = "http_requests_total";
  static final String TRACE_HEADER = "trace-id";

  private static final List<String> PATHS = List.of("/add/1", "/add/2", "/add/3", "/remove/2");
  private static final String BY_ROUTE =
      "requests.labelValues(ctx.method().name(), ctx.endpoint().path).inc()";
  private static final String WITH_EXEMPLAR =
      "reposDuration.observeWithExemplar(seconds, Labels.of(\"trace_id\", traceId))";

  private BeyondChecks() {}

  /** Three paths of one route are one series; the label never holds what the user typed. */
  static void labelledByRoute(Probe probe) throws Fault {
    Scrape before = probe.scrape(Format.text);
    for (String path : PATHS) {
      Requests.ok(probe, path);
    }
    Scrape after = probe.scrape(Format.text);
    Family requests = Shapes.find(after, REQUESTS);
    if (requests == null || !requests.type().equals("counter")) {
      throw new Fault(
          requests == null
              ? "`"
                  + REQUESTS
                  + "` is missing: was the counter registered with the registry that"
                  + " /metrics serves?"
              : Shapes.wrongType(REQUESTS, requests.type(), "counter"),
          Steps.LABEL_BY_ROUTE,
          BY_ROUTE);
    }
    if (!Shapes.labelNames(requests).contains("endpoint")) {
      throw new Fault("`" + REQUESTS + "` has no label `endpoint`", Steps.LABEL_BY_ROUTE, BY_ROUTE);
    }
    Map<String, Long> moved = new TreeMap<>();
    for (Sample sample : requests.samples()) {
      long delta =
          Math.round(sample.value().number() - Shapes.value(before, REQUESTS, sample.labels()));
      if (delta > 0) {
        moved.merge(sample.labels().get("endpoint"), delta, Long::sum);
      }
    }
    List<String> fromPaths = new ArrayList<>(moved.keySet());
    fromPaths.retainAll(PATHS);
    if (!fromPaths.isEmpty()) {
      long adds = PATHS.stream().filter(p -> p.startsWith("/add/")).count();
      throw new Fault(
          "Label `endpoint` took "
              + moved.size()
              + " values from "
              + PATHS.size()
              + " paths ("
              + String.join(", ", moved.keySet())
              + "): use the route template, so that "
              + adds
              + " calls of /add/{num} are one series",
          Steps.LABEL_BY_ROUTE,
          BY_ROUTE);
    }
    Map<String, Long> wanted = Map.of("/add/{num}", 3L, "/remove/{num}", 1L);
    if (!moved.equals(wanted)) {
      throw new Fault(
          "After 3 calls of /add/{num} and 1 of /remove/{num}, `"
              + REQUESTS
              + "` moved by "
              + moved
              + "; each request counts once, under its route template",
          Steps.LABEL_BY_ROUTE,
          BY_ROUTE);
    }
    List<String> typed = new ArrayList<>(PATHS);
    typed.addAll(List.of("1", "2", "3"));
    Requests.noSeriesFrom(after, typed, Steps.LABEL_BY_ROUTE, BY_ROUTE);
  }

  /** A call's duration carries the call's trace id as an exemplar, in the OpenMetrics scrape. */
  static void exemplar(Probe probe) throws Fault {
    String path = DurationChecks.CALLS.get(0);
    Probe.Answer answer = probe.getWithHeader(path, TRACE_HEADER);
    Requests.expect(answer, "GET " + path, 200);
    String traceId = answer.header();
    if (traceId == null) {
      throw Fault.of("GET " + path + " answered without its " + TRACE_HEADER + " header");
    }
    Scrape scrape = probe.scrape(Format.openmetrics);
    if (scrape.format() != Format.openmetrics) {
      throw Fault.of(
          "/metrics answered "
              + scrape.format().title()
              + " to a request for OpenMetrics:"
              + " exemplars travel only in OpenMetrics");
    }
    Family family = Shapes.judge(scrape, exemplarFamily(), Steps.ATTACH_EXEMPLAR, WITH_EXEMPLAR);
    List<Sample.Exemplar> exemplars = new ArrayList<>();
    for (Sample sample : family.samples()) {
      if (sample.exemplar() != null) {
        exemplars.add(sample.exemplar());
      }
    }
    if (exemplars.isEmpty()) {
      throw new Fault(
          "`request_duration_seconds` has no exemplar after a call: observe the duration with the"
              + " call's trace id",
          Steps.ATTACH_EXEMPLAR,
          WITH_EXEMPLAR);
    }
    for (Sample.Exemplar exemplar : exemplars) {
      if (traceId.equals(exemplar.labels().get("trace_id"))) {
        return;
      }
    }
    Map<String, String> labels = exemplars.get(exemplars.size() - 1).labels();
    if (!labels.containsKey("trace_id")) {
      throw new Fault(
          "The exemplar's labels are "
              + labels.keySet()
              + "; Prometheus and Grafana look for"
              + " `trace_id`",
          Steps.ATTACH_EXEMPLAR,
          WITH_EXEMPLAR);
    }
    throw new Fault(
        "The exemplar's trace_id is \""
            + labels.get("trace_id")
            + "\", not the call's \""
            + traceId
            + "\": attach the id of the call being timed",
        Steps.ATTACH_EXEMPLAR,
        WITH_EXEMPLAR);
  }

  /** The exemplar exercise's histogram: the tutorial's, in its own buckets, in OpenMetrics. */
  private static Family exemplarFamily() {
    return Shapes.expected(
        "histograms/after-three-calls.tutorial-buckets", "request_duration_seconds");
  }
}
