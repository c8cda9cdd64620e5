package tutorial.gauges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tutorial.testkit.Golden;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;

/** The tutorial's chapter "Gauges: Tracking the Size of a List", step by step. */
class GaugesAppTest {

  private static final String BAD_NUMBER =
      "{\"status\":400,\"error\":\"Bad Request\","
          + "\"message\":\"num must be a whole number from 0 to 9223372036854775807\"}";

  private final RunningService service = RunningService.start(GaugesApp::new);

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void listSizeIsZeroBeforeAnyAdd() {
    // Python's labelled gauge shows only HELP and TYPE until the first labels('my_list').set().
    // The Java app looks its series up once, at start (labelValues("my_list")), and that creates
    // it at 0.0, so the very first scrape already has a series: the true size of the empty list.
    Golden.assertMatchesStep(service.scrape("list_size"), "gauges/before-adds");
  }

  @Test
  void addingNumbersSetsTheGaugeToTheListSize() {
    // curl http://$server1:5000/add/5 ... /add/87
    for (int num : new int[] {5, 10, 21, 87}) {
      Reply reply = service.get("/add/" + num);

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.text()).isEqualTo("Added " + num + " to my_list");
    }

    // curl -s http://$server1:5000/metrics | grep list_size
    Golden.assertMatchesStep(service.scrape("list_size"), "gauges/after-adds");
  }

  @Test
  void removingANumberLowersTheGauge() {
    addTheTutorialsNumbers();

    // curl http://$server1:5000/remove/5
    Reply reply = service.get("/remove/5");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo("Removed 5 from my_list");
    Golden.assertMatchesStep(service.scrape("list_size"), "gauges/after-remove");
  }

  @Test
  void openMetricsShowsTheSameGauge() {
    addTheTutorialsNumbers();

    Reply reply =
        service.get(
            "/metrics?name[]=list_size", "Accept", "application/openmetrics-text; version=1.0.0");

    // a gauge keeps its name in both formats; only the HELP/TYPE order and "# EOF" differ
    assertThat(reply.header("Content-Type"))
        .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
    Golden.assertMatchesStep(reply.text(), "gauges/after-adds.openmetrics");
  }

  /**
   * Numbers the app refuses with a 400: only ASCII digits that fit a {@code long}. Flask (checked
   * with werkzeug's {@code <int:num1>}) answers the first four with its HTML 404, as no route
   * matches, but adds the last three: Python's int has no limit, and its {@code \d} takes any
   * Unicode digit.
   */
  static Stream<Arguments> badNumbers() {
    return Stream.of(
        Arguments.of("letters", "abc"),
        Arguments.of("a minus sign", "-1"),
        Arguments.of("a plus sign", "+5"),
        Arguments.of("a fraction", "1.5"),
        Arguments.of("more than Long.MAX_VALUE", "99999999999999999999"),
        Arguments.of("200 digits", "1".repeat(200)),
        // ARABIC-INDIC DIGIT THREE, percent-encoded: Flask would add it as 3
        Arguments.of("a non-ASCII digit", "%D9%A3"));
  }

  @ParameterizedTest(name = "/add/ with {0}")
  @MethodSource("badNumbers")
  void addRejectsABadNumberAndLeavesTheListAlone(String what, String num) {
    addTheTutorialsNumbers();

    Reply reply = service.get("/add/" + num);

    assertThat(reply.status()).as(what).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text()).isEqualTo(BAD_NUMBER);
    Golden.assertMatchesStep(service.scrape("list_size"), "gauges/after-adds");
  }

  @ParameterizedTest(name = "/remove/ with {0}")
  @MethodSource("badNumbers")
  void removeRejectsABadNumberAndLeavesTheListAlone(String what, String num) {
    addTheTutorialsNumbers();

    Reply reply = service.get("/remove/" + num);

    assertThat(reply.status()).as(what).isEqualTo(400);
    assertThat(reply.text()).isEqualTo(BAD_NUMBER);
    Golden.assertMatchesStep(service.scrape("list_size"), "gauges/after-adds");
  }

  @Test
  void removingANumberThatIsNotInTheListIsNotFound() {
    addTheTutorialsNumbers();

    // Python's my_list.remove(42) raises ValueError, which Flask answers with a 500
    Reply reply = service.get("/remove/42");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text())
        .isEqualTo("{\"status\":404,\"error\":\"Not Found\",\"message\":\"42 is not in my_list\"}");
    Golden.assertMatchesStep(service.scrape("list_size"), "gauges/after-adds");
  }

  @Test
  void removeTakesOutOneOccurrenceOfARepeatedNumber() {
    // like Python's list.remove: the list may hold 5 twice, and remove drops the first only
    service.get("/add/5");
    service.get("/add/5");

    assertThat(service.get("/remove/5").status()).isEqualTo(200);
    assertThat(service.scrape("list_size")).contains("list_size{list=\"my_list\"} 1.0\n");
    assertThat(service.get("/remove/5").status()).isEqualTo(200);
    assertThat(service.get("/remove/5").status()).isEqualTo(404);
    assertThat(service.scrape("list_size")).contains("list_size{list=\"my_list\"} 0.0\n");
  }

  @Test
  void anEmptyNumberMatchesNoRoute() {
    // /add/ is /add to Javalin, and no route has that path: the same 404 as any unknown path
    Reply reply = service.get("/add/");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.text())
        .isEqualTo(
            "{\"status\":404,\"error\":\"Not Found\","
                + "\"message\":\"no route GET /add/ in the service under test; its routes:"
                + " GET /add/{num}, GET /remove/{num}, GET /metrics, GET /health\"}");
    Golden.assertMatchesStep(service.scrape("list_size"), "gauges/before-adds");
  }

  @Test
  void concurrentAddsAndRemovesLeaveTheGaugeAtTheTrueSize() throws Exception {
    int threads = 8;
    int addsPerThread = 50;
    int keptPerThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Long> kept = new ArrayList<>();
    try {
      List<Future<List<Long>>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        // each thread has numbers of its own, so its removes can never miss
        long first = t * 1_000L;
        done.add(
            pool.submit(
                () -> {
                  for (long n = first; n < first + addsPerThread; n++) {
                    assertThat(service.get("/add/" + n).status()).isEqualTo(200);
                  }
                  List<Long> mine = new ArrayList<>();
                  for (long n = first; n < first + addsPerThread; n++) {
                    if (n - first < keptPerThread) {
                      mine.add(n);
                    } else {
                      assertThat(service.get("/remove/" + n).status()).isEqualTo(200);
                    }
                  }
                  return mine;
                }));
      }
      for (Future<List<Long>> f : done) {
        kept.addAll(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(kept).hasSize(threads * keptPerThread);
    assertThat(service.scrape("list_size"))
        .contains("list_size{list=\"my_list\"} " + (double) kept.size() + "\n");

    // the gauge tells the truth only if the list really holds those numbers: take each out once
    for (long n : kept) {
      assertThat(service.get("/remove/" + n).status()).isEqualTo(200);
    }
    assertThat(service.scrape("list_size")).contains("list_size{list=\"my_list\"} 0.0\n");
  }

  private void addTheTutorialsNumbers() {
    for (int num : new int[] {5, 10, 21, 87}) {
      assertThat(service.get("/add/" + num).status()).isEqualTo(200);
    }
  }
}
