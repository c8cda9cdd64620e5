package tutorial.exercise;

import java.util.List;
import java.util.Map;
import tutorial.compare.Family;
import tutorial.compare.Format;
import tutorial.compare.Scrape;

/** The gauges chapter: a gauge with a {@code list} label that follows the size of a list. */
final class GaugesChecks {

  private static final Family LIST_SIZE = Shapes.expected("gauges/after-adds", "list_size");
  private static final Map<String, String> MY_LIST = Map.of("list", "my_list");

  /** The tutorial's curl lines: four numbers added, then 5 removed. */
  static final List<Integer> NUMBERS = List.of(5, 10, 21, 87);

  private static final String DECLARE =
      "Gauge.builder().name(\"list_size\").help(\"Size of a list\").labelNames(\"list\")"
          + ".register(registry)";
  private static final String SET = "listSizeGauge.labelValues(\"my_list\").set(myList.size())";

  private GaugesChecks() {}

  /** Up on every add, by one: the gauge follows the list's size. */
  static void upOnAdd(Probe probe) throws Fault {
    Scrape before = probe.scrape(Format.text);
    addTheNumbers(probe);
    Scrape after = probe.scrape(Format.text);
    Requests.noSeriesFrom(after, texts(), Steps.SET_GAUGE_ON_ADD, SET);
    Shapes.judge(after, LIST_SIZE, Steps.DEFINE_GAUGE, DECLARE);
    double moved = size(after) - size(before);
    if (moved != NUMBERS.size()) {
      String added = "After adding " + NUMBERS.size() + " numbers (5, 10, 21, 87), `list_size` ";
      throw new Fault(
          moved == 0
              ? added + "did not move: set the gauge in add()"
              : added
                  + "moved by "
                  + format(moved)
                  + " and reads "
                  + format(size(after))
                  + ": set it to the list's size, not to the number",
          Steps.SET_GAUGE_ON_ADD,
          SET);
    }
  }

  /** Down on a remove. */
  static void downOnRemove(Probe probe) throws Fault {
    addTheNumbers(probe);
    Scrape before = probe.scrape(Format.text);
    Requests.ok(probe, "/remove/5");
    Scrape after = probe.scrape(Format.text);
    double moved = size(after) - size(before);
    if (moved != -1) {
      throw new Fault(
          "After removing 5, `list_size` "
              + (moved == 0 ? "did not move" : "moved by " + format(moved))
              + ": a gauge goes down as well as up, set it in remove() too",
          Steps.SET_GAUGE_ON_REMOVE,
          SET);
    }
  }

  private static void addTheNumbers(Probe probe) throws Fault {
    for (int number : NUMBERS) {
      Requests.ok(probe, "/add/" + number);
    }
  }

  private static double size(Scrape scrape) {
    return Shapes.value(scrape, "list_size", MY_LIST);
  }

  private static List<String> texts() {
    return NUMBERS.stream().map(String::valueOf).toList();
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
