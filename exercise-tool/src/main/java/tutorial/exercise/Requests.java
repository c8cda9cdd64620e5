package tutorial.exercise;

import java.util.Collection;
import java.util.Set;
import tutorial.compare.Family;
import tutorial.compare.Sample;
import tutorial.compare.Scrape;

/** The requests a check makes, and what it asks of them. */
final class Requests {

  private Requests() {}

  /** {@code GET path}, which the exercise's routes answer with 200 before any step is done. */
  static Probe.Answer ok(Probe probe, String path) throws Fault {
    return expect(probe.get(path), "GET " + path, 200);
  }

  static Probe.Answer expect(Probe.Answer answer, String request, int status) throws Fault {
    if (answer.status() != status) {
      throw Fault.of(
          request
              + " answered "
              + answer.status()
              + " instead of "
              + status
              + ": "
              + answer.firstLine());
    }
    return answer;
  }

  /**
   * Fails if a label of any family took one of the values a user {@code typed}: a path, or a part
   * of one that no fixed set of values holds. Every value a user can type is a new series, until
   * the server runs out of memory.
   */
  static void noSeriesFrom(Scrape scrape, Collection<String> typed, String step, String call)
      throws Fault {
    for (Family family : scrape.families()) {
      for (Sample sample : family.samples()) {
        for (var label : sample.labels().entrySet()) {
          if (Set.of("le", "quantile").contains(label.getKey())) {
            continue;
          }
          for (String value : typed) {
            if (label.getValue().equals(value)) {
              throw new Fault(
                  "Label `"
                      + label.getKey()
                      + "` of `"
                      + family.key()
                      + "` took the value \""
                      + label.getValue()
                      + "\", which a user typed"
                      + ": a label value from user input is a new series for every request",
                  step,
                  call);
            }
          }
        }
      }
    }
  }
}
