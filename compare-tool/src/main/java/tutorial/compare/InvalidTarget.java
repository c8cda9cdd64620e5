package tutorial.compare;

import java.util.List;

/** A target read whole that its format forbids: every problem found, each on a line of its own. */
public final class InvalidTarget extends TargetException {

  private final List<Problem> problems;

  InvalidTarget(String source, Format format, List<Problem> problems) {
    super(message(source, format, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String message(String source, Format format, List<Problem> problems) {
    String head = source + ": not a valid " + format.title() + " scrape";
    if (problems.size() == 1) {
      return head + ": " + problems.get(0).render();
    }
    StringBuilder text =
        new StringBuilder(head)
            .append(", ")
            .append(problems.size() >= InvalidExposition.MAX_PROBLEMS ? "at least " : "")
            .append(problems.size())
            .append(" problems:");
    problems.forEach(p -> text.append("\n  ").append(p.render()));
    return text.toString();
  }
}
