package tutorial.common.upstream;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import tutorial.commandline.DurationConverter;
import tutorial.common.RepositoryName;

/**
 * The faults a learner can switch on in the offline stand-in for the repository API, each with its
 * grades. A grade is checked here, so the stand-in only ever holds a fault it can play.
 */
public enum Drill {
  SLOW("every call slower by the grade", "+DURATION", "+1s", List.of("+200ms", "+1s")),
  ERRORS(
      "the grade's share of calls answered 500", "PERCENT", "50%", List.of("10%", "50%", "100%")),
  HANG("calls never answered, until the service's read timeout", null, null, List.of()),
  DOWN("connection refused: the stand-in stops listening", null, null, List.of()),
  SLOW_REPOSITORY(
      "one repository's calls hang, the others answer as usual",
      "OWNER/REPO",
      "prometheus/prometheus",
      List.of("prometheus/prometheus")),
  FLAPPING(
      "down and up by turns, each turn the grade long, down first",
      "DURATION",
      "1m",
      List.of("1m", "10s"));

  /** The longest added latency and flapping turn: a drill is a lesson, not a load test. */
  static final Duration LONGEST = Duration.ofMinutes(10);

  private final String summary;
  private final String gradeSyntax;
  private final String defaultGrade;
  private final List<String> grades;

  Drill(String summary, String gradeSyntax, String defaultGrade, List<String> grades) {
    this.summary = summary;
    this.gradeSyntax = gradeSyntax;
    this.defaultGrade = defaultGrade;
    this.grades = grades;
  }

  /** As it is typed: {@code slow}, {@code slow-repository}. */
  public String command() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** What the drill breaks, in one line. */
  public String summary() {
    return summary;
  }

  /** How a grade is written ({@code +DURATION}), or empty for a drill without grades. */
  public Optional<String> gradeSyntax() {
    return Optional.ofNullable(gradeSyntax);
  }

  /** The grade taken when none is given, or empty for a drill without grades. */
  public Optional<String> defaultGrade() {
    return Optional.ofNullable(defaultGrade);
  }

  /** The grades worth trying first; any other in {@link #gradeSyntax()} is taken too. */
  public List<String> grades() {
    return grades;
  }

  /** The drill typed as {@code command}, if there is one. */
  public static Optional<Drill> named(String command) {
    return Stream.of(values()).filter(d -> d.command().equals(command)).findFirst();
  }

  /**
   * What the stand-in plays for this drill at {@code grade} (null: the default grade).
   *
   * @throws IllegalArgumentException with a sentence a learner can act on, for a grade this drill
   *     does not take
   */
  public Fault fault(String grade) {
    if (gradeSyntax == null) {
      if (grade != null && !grade.isBlank()) {
        throw new IllegalArgumentException(command() + " takes no grade, not '" + grade + "'");
      }
      return new Fault(this, "", Duration.ZERO, 0, null);
    }
    String text = grade == null || grade.isBlank() ? defaultGrade : grade.trim();
    return switch (this) {
      case SLOW -> {
        String delay = text.startsWith("+") ? text.substring(1) : text;
        yield new Fault(this, "+" + delay, duration(delay, text), 0, null);
      }
      case ERRORS ->
          new Fault(this, percent(text) + "%", Duration.ZERO, percent(text) / 100.0, null);
      case SLOW_REPOSITORY -> new Fault(this, text, Duration.ZERO, 0, repository(text));
      case FLAPPING -> new Fault(this, text, duration(text, text), 0, null);
      default -> throw new IllegalStateException(command() + " has no grades");
    };
  }

  private Duration duration(String text, String grade) {
    Duration duration;
    try {
      duration = new DurationConverter().convert(text);
    } catch (RuntimeException e) {
      throw refused(grade);
    }
    if (duration.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          command() + " takes at most " + LONGEST.toMinutes() + "m, not '" + grade + "'");
    }
    return duration;
  }

  private int percent(String text) {
    String digits = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    try {
      int percent = Integer.parseInt(digits);
      if (percent >= 1 && percent <= 100) {
        return percent;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw refused(text);
  }

  private String repository(String text) {
    int slash = text.indexOf('/');
    try {
      if (slash > 0) {
        return new RepositoryName(text.substring(0, slash), text.substring(slash + 1))
            .toString()
            .toLowerCase(Locale.ROOT);
      }
    } catch (RuntimeException e) {
      // refused below, with the syntax
    }
    throw refused(text);
  }

  private IllegalArgumentException refused(String grade) {
    return new IllegalArgumentException(
        command()
            + " takes a grade like "
            + String.join(" or ", grades)
            + " ("
            + gradeSyntax
            + "), not '"
            + grade
            + "'");
  }
}
