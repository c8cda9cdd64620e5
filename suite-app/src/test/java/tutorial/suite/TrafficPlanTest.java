package tutorial.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tutorial.counters.CountersApp;
import tutorial.custommetrics.CustomMetricsApp;
import tutorial.gauges.GaugesApp;
import tutorial.histograms.HistogramsApp;
import tutorial.steps.Chapter;
import tutorial.summaries.SummariesApp;

/** The traffic's choices, without any service: the same seed, the same varied sequence. */
class TrafficPlanTest {

  /** Draws {@code count} calls, answering every {@code /add} at once as a service would. */
  private static List<TrafficPlan.Call> draw(TrafficPlan plan, int count, List<Integer> sizes) {
    List<TrafficPlan.Call> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TrafficPlan.Call call = plan.next();
      if (call.path().startsWith("/add/")) {
        plan.added(Long.parseLong(call.path().substring("/add/".length())), true);
      }
      sizes.add(plan.size());
      calls.add(call);
    }
    return calls;
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    List<TrafficPlan.Call> one = draw(new TrafficPlan(7, true), 500, new ArrayList<>());
    List<TrafficPlan.Call> two = draw(new TrafficPlan(7, true), 500, new ArrayList<>());
    List<TrafficPlan.Call> other = draw(new TrafficPlan(8, true), 500, new ArrayList<>());

    assertThat(one).isEqualTo(two).isNotEqualTo(other);
  }

  @Test
  void everyServiceAndRouteGetsItsShare() {
    List<TrafficPlan.Call> calls = draw(new TrafficPlan(1, true), 10_000, new ArrayList<>());

    Map<Integer, Long> perService =
        calls.stream()
            .collect(Collectors.groupingBy(TrafficPlan.Call::service, Collectors.counting()));
    assertThat(perService.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    assertThat(perService.values()).allMatch(n -> n > 500);
    assertThat(calls)
        .extracting(c -> c.method() + " " + c.path().replaceAll("/[^/]+$", "/*"))
        .contains(
            "GET /*", // "/" and "/about" both read as "GET /*"
            "GET /add/*",
            "GET /remove/*",
            "GET /repos/prometheus/*",
            "GET /repos/apache/*",
            "POST /state/*");
    assertThat(calls).filteredOn(c -> c.method().equals("POST")).hasSizeBetween(100, 400);
  }

  @Test
  void theGaugeGoesUpAndDownWithinBounds() {
    List<Integer> sizes = new ArrayList<>();
    List<TrafficPlan.Call> calls = draw(new TrafficPlan(1, true), 20_000, sizes);

    long adds = calls.stream().filter(c -> c.path().startsWith("/add/")).count();
    long removes = calls.stream().filter(c -> c.path().startsWith("/remove/")).count();
    assertThat(removes).isGreaterThan(adds / 2);
    assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()).isBetween(20, 40);
    assertThat(
            sizes.subList(1000, sizes.size()).stream()
                .mapToInt(Integer::intValue)
                .min()
                .orElseThrow())
        .isBetween(0, 10);
  }

  @Test
  void aRemoveOnlyAsksForANumberInTheList() {
    TrafficPlan plan = new TrafficPlan(3, true);
    List<Long> list = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      TrafficPlan.Call call = plan.next();
      if (call.path().startsWith("/add/")) {
        long number = Long.parseLong(call.path().substring("/add/".length()));
        list.add(number);
        plan.added(number, true);
      } else if (call.path().startsWith("/remove/")) {
        assertThat(list.remove(Long.valueOf(call.path().substring("/remove/".length()))))
            .as("remove of a number the service has")
            .isTrue();
      }
    }
  }

  @Test
  void withoutTheStandInNoCallGoesToTheRepositoryApi() {
    List<TrafficPlan.Call> calls = draw(new TrafficPlan(1, false), 5_000, new ArrayList<>());

    assertThat(calls).noneMatch(c -> c.path().startsWith("/repos/"));
    assertThat(calls.stream().map(TrafficPlan.Call::service).distinct())
        .containsExactlyInAnyOrder(0, 1, 4);
  }

  @Test
  void eachServiceOfThePlanIsTheChapterAtItsIndexInChaptersTsv() {
    List<String> apps = Chapter.all().stream().map(Chapter::appClass).toList();

    assertThat(apps.get(TrafficPlan.COUNTERS)).isEqualTo(CountersApp.class.getName());
    assertThat(apps.get(TrafficPlan.GAUGES)).isEqualTo(GaugesApp.class.getName());
    assertThat(apps.get(TrafficPlan.HISTOGRAMS)).isEqualTo(HistogramsApp.class.getName());
    assertThat(apps.get(TrafficPlan.SUMMARIES)).isEqualTo(SummariesApp.class.getName());
    assertThat(apps.get(TrafficPlan.CUSTOM)).isEqualTo(CustomMetricsApp.class.getName());
  }
}
