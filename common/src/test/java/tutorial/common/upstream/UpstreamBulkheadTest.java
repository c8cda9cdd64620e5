package tutorial.common.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.ServiceUnavailableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpstreamBulkheadTest {

  @Test
  void oneRepositoryGetsAQuarterOfThePlaces() {
    UpstreamBulkhead bulkhead = new UpstreamBulkhead(8, 7, limit -> {});
    List<UpstreamBulkhead.Permit> held = new ArrayList<>();
    held.add(bulkhead.enter("slow/slow"));
    held.add(bulkhead.enter("slow/slow"));

    assertThatThrownBy(() -> bulkhead.enter("slow/slow"))
        .isInstanceOf(ServiceUnavailableResponse.class)
        .hasMessage(
            "upstream busy: 2 calls for slow/slow are already waiting for the API; try again later")
        .satisfies(
            e ->
                assertThat(((ServiceUnavailableResponse) e).getDetails())
                    .containsEntry("Retry-After", "7"));
    // the other repositories still have their places
    held.add(bulkhead.enter("prometheus/prometheus"));
    assertThat(bulkhead.inFlight()).isEqualTo(3);
    held.forEach(UpstreamBulkhead.Permit::close);
  }

  @Test
  void pastTheBoundEveryCallIsRefusedUntilOneEnds() {
    UpstreamBulkhead bulkhead = new UpstreamBulkhead(4, 5, limit -> {});
    List<UpstreamBulkhead.Permit> held = new ArrayList<>();
    for (String repository : List.of("a/a", "b/b", "c/c", "d/d")) {
      held.add(bulkhead.enter(repository));
    }

    assertThatThrownBy(() -> bulkhead.enter("e/e"))
        .hasMessage(
            "upstream busy: 4 calls to the repository API are already waiting for it; try again"
                + " later");
    held.remove(0).close();
    held.add(bulkhead.enter("e/e"));

    held.forEach(UpstreamBulkhead.Permit::close);
    assertThat(bulkhead.inFlight()).isZero();
  }

  @Test
  void manyThreadsNeverGetMorePlacesThanThereAre() throws InterruptedException {
    UpstreamBulkhead bulkhead = new UpstreamBulkhead(16, 5, limit -> {});
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(32);
    for (int i = 0; i < 32; i++) {
      String repository = "owner/repo" + (i % 2);
      threads.execute(
          () -> {
            try {
              start.await();
              for (int call = 0; call < 500; call++) {
                try (UpstreamBulkhead.Permit permit = bulkhead.enter(repository)) {
                  most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                  Thread.onSpinWait();
                  inside.decrementAndGet();
                } catch (ServiceUnavailableResponse refused) {
                  // the bound at work: nothing to count
                }
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    start.countDown();
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    // two repositories, a quarter each: never more than 8 inside at once
    assertThat(most.get()).isBetween(1, 8);
    assertThat(bulkhead.inFlight()).isZero();
  }

  @Test
  void refusesABoundBelowOne() {
    assertThatThrownBy(() -> new UpstreamBulkhead(0, 5, limit -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_UPSTREAM_CALLS");
  }
}
