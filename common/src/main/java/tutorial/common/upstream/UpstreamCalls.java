package tutorial.common.upstream;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.stream.Stream;

/**
 * What the calls to the repository API did, for the alerts on the upstream: the calls made, those
 * that failed by how, and those the bulkhead turned away before they were made. Every label value
 * is one of a fixed few, never from a request, and every series is there from the start at 0, so
 * that a rate over it is 0 rather than missing until the first failure.
 */
public final class UpstreamCalls {

  /** How a call failed; {@link #label} is its {@code outcome}. */
  public enum Failure {
    /** no answer within the connect, read or call timeout */
    TIMEOUT("timeout"),
    /** connection refused: nothing listens there */
    REFUSED("refused"),
    /** any other failure to connect or to read the answer: no such host, a reset */
    UNREACHABLE("unreachable"),
    /** a 5xx answer */
    SERVER_ERROR("5xx"),
    /** an answer other than 2xx, 404 or 5xx: a rate limit, a redirect */
    OTHER_STATUS("other_status"),
    /** a 2xx answer that is not a repository's JSON object, or too large */
    INVALID_BODY("invalid_body");

    public final String label;

    Failure(String label) {
      this.label = label;
    }
  }

  private final Counter calls;
  private final Counter failures;
  private final Counter rejections;

  private UpstreamCalls(PrometheusRegistry registry) {
    // no exemplars: the histogram's buckets carry the traces; a counter's would be noise
    Counter.Builder calls =
        Counter.builder()
            .name("upstream_calls")
            .help("Calls made to the repository API")
            .withoutExemplars();
    Counter.Builder failures =
        Counter.builder()
            .name("upstream_failures")
            .help("Calls to the repository API that failed, by outcome")
            .labelNames("outcome")
            .withoutExemplars();
    Counter.Builder rejections =
        Counter.builder()
            .name("upstream_bulkhead_rejections")
            .help(
                "Calls to the repository API refused with 503 before they were made, because"
                    + " too many were waiting for it: in all, or for one repository")
            .labelNames("limit")
            .withoutExemplars();
    if (registry == null) {
      this.calls = calls.build();
      this.failures = failures.build();
      this.rejections = rejections.build();
    } else {
      this.calls = calls.register(registry);
      this.failures = failures.register(registry);
      this.rejections = rejections.register(registry);
    }
    Stream.of(Failure.values()).forEach(f -> this.failures.initLabelValues(f.label));
    Stream.of(UpstreamBulkhead.Limit.values())
        .forEach(l -> this.rejections.initLabelValues(l.label));
  }

  /** Counted in {@code registry}, which the service's {@code /metrics} serves. */
  public static UpstreamCalls countedIn(PrometheusRegistry registry) {
    return new UpstreamCalls(registry);
  }

  /** Counted nowhere that is scraped: for a client on its own. */
  static UpstreamCalls uncounted() {
    return new UpstreamCalls(null);
  }

  void made() {
    calls.inc();
  }

  void failed(Failure failure) {
    failures.labelValues(failure.label).inc();
  }

  void rejected(UpstreamBulkhead.Limit limit) {
    rejections.labelValues(limit.label).inc();
  }
}
