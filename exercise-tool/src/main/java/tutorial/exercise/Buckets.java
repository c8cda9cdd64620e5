package tutorial.exercise;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Bucket layouts a learner meets, by name, so that a wrong one is named rather than listed. */
final class Buckets {

  static final Comparator<String> BY_VALUE = Comparator.comparingDouble(Buckets::number);

  private static final Map<String, List<Double>> KNOWN =
      Map.of(
          "client_java's defaults",
          List.of(.005, .01, .025, .05, .1, .25, .5, 1.0, 2.5, 5.0, 10.0),
          "the Python client's defaults (.005 … 10)",
          List.of(.005, .01, .025, .05, .075, .1, .25, .5, .75, 1.0, 2.5, 5.0, 7.5, 10.0),
          "0.1 … 1.0",
          List.of(.1, .2, .3, .4, .5, .6, .7, .8, .9, 1.0));

  private Buckets() {}

  static double number(String bound) {
    return bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
  }

  /** The name of the layout {@code bounds} is, +Inf aside. */
  static Optional<String> nameOf(Set<String> bounds) {
    Set<Double> finite =
        bounds.stream().map(Buckets::number).filter(Double::isFinite).collect(Collectors.toSet());
    return KNOWN.entrySet().stream()
        .filter(e -> Set.copyOf(e.getValue()).equals(finite))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  static String describe(Set<String> bounds) {
    TreeSet<String> sorted = new TreeSet<>(BY_VALUE);
    sorted.addAll(bounds);
    return String.join(", ", sorted);
  }
}
