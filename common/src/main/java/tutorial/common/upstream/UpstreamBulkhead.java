package tutorial.common.upstream;

import io.javalin.http.Header;
import io.javalin.http.ServiceUnavailableResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A bound on the calls to the repository API in flight at once: in all, and for any one repository
 * a quarter of that. While the API hangs, its calls then hold a few of the server's request
 * threads, never all of them, so the scrape, the health check and the other routes keep answering
 * at once; a call past the bound is refused at once with 503 and a {@code Retry-After}, instead of
 * waiting in the server's queue behind the others for several timeouts. The quarter for one
 * repository leaves room for the calls to the others while one of them hangs.
 */
final class UpstreamBulkhead {

  /** The bound a refused call met: {@link #label} is its {@code limit} in the metrics. */
  enum Limit {
    ALL("all"),
    REPOSITORY("repository");

    final String label;

    Limit(String label) {
      this.label = label;
    }
  }

  private final int max;
  private final int perRepository;
  private final String retryAfterSeconds;
  private final Consumer<Limit> onRejection;
  private final AtomicInteger inFlight = new AtomicInteger();
  // only repositories with a call in flight are kept, so at most max entries
  private final Map<String, Integer> inFlightByRepository = new ConcurrentHashMap<>();

  /** A place in the bulkhead, given back when the call has ended. */
  interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * @param retryAfterSeconds what a refused caller is told to wait: about as long as a call in
   *     flight may still take
   * @param onRejection told the bound of each call refused
   */
  UpstreamBulkhead(int max, long retryAfterSeconds, Consumer<Limit> onRejection) {
    if (max < 1) {
      throw new IllegalArgumentException("MAX_UPSTREAM_CALLS must be at least 1, not " + max);
    }
    this.max = max;
    this.perRepository = Math.max(1, max / 4);
    this.retryAfterSeconds = String.valueOf(Math.max(1, retryAfterSeconds));
    this.onRejection = onRejection;
  }

  /** A place for a call to {@code repository}, or a 503 at once when there is none. */
  Permit enter(String repository) {
    if (inFlight.incrementAndGet() > max) {
      inFlight.decrementAndGet();
      onRejection.accept(Limit.ALL);
      throw busy(max + " calls to the repository API are already waiting for it");
    }
    boolean[] admitted = {false};
    inFlightByRepository.compute(
        repository,
        (name, calls) -> {
          int current = calls == null ? 0 : calls;
          admitted[0] = current < perRepository;
          return admitted[0] ? current + 1 : calls;
        });
    if (!admitted[0]) {
      inFlight.decrementAndGet();
      onRejection.accept(Limit.REPOSITORY);
      throw busy(perRepository + " calls for " + repository + " are already waiting for the API");
    }
    return () -> {
      inFlightByRepository.computeIfPresent(
          repository, (name, calls) -> calls == 1 ? null : calls - 1);
      inFlight.decrementAndGet();
    };
  }

  int inFlight() {
    return inFlight.get();
  }

  private ServiceUnavailableResponse busy(String why) {
    return new ServiceUnavailableResponse(
        "upstream busy: " + why + "; try again later",
        Map.of(Header.RETRY_AFTER, retryAfterSeconds));
  }
}
