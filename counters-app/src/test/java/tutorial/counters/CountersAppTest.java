package tutorial.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tutorial.testkit.Golden;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;

/** The tutorial's chapter "Counters: Tracking the Number of Requests", step by step. */
class CountersAppTest {

  private final RunningService service = RunningService.start(CountersApp::new);

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void countersStartAtZero() {
    Golden.assertMatchesStep(
        service.scrape("home_page_visits", "about_page_visits"), "counters/before-visits");
  }

  @Test
  void eachPageCountsItsOwnVisits() {
    // curl http://$server1:5000/ and curl http://$server1:5000/about
    Reply home = service.get("/");
    Reply about = service.get("/about");

    assertThat(home.status()).isEqualTo(200);
    assertThat(home.text()).isEqualTo("<h1>Welcome to the Home Page</h1>");
    assertThat(home.header("Content-Type")).startsWith("text/html");
    assertThat(about.text()).isEqualTo("<h1>Welcome to the About Page</h1>");

    // curl -s http://$server1:5000/metrics | grep page_visits
    Golden.assertMatchesStep(
        service.scrape("home_page_visits", "about_page_visits"), "counters/after-visits");
  }

  @Test
  void openMetricsShowsTheSameCountersUnderFamilyNamesWithoutTotal() {
    service.get("/");
    service.get("/about");

    Reply reply =
        service.get(
            "/metrics?name[]=home_page_visits&name[]=about_page_visits",
            "Accept",
            "application/openmetrics-text; version=1.0.0; charset=utf-8");

    assertThat(reply.header("Content-Type"))
        .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
    Golden.assertMatchesStep(reply.text(), "counters/after-visits.openmetrics");
  }

  @Test
  void concurrentVisitsAreCountedExactly() throws Exception {
    int threads = 8;
    int visitsPerThread = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < visitsPerThread; i++) {
                    assertThat(service.get("/").status()).isEqualTo(200);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(service.scrape("home_page_visits"))
        .contains("home_page_visits_total " + (double) (threads * visitsPerThread) + "\n");
  }
}
