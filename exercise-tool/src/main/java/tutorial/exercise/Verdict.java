package tutorial.exercise;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a check found: done, or the first fault, with where to change it.
 *
 * @param fault null when done
 * @param file the learner's file that was checked, or null (a solution, a running service)
 */
record Verdict(Exercise exercise, Fault fault, Path file, int todoLine, Duration took) {

  /** Always UTF-8 (see {@link ExerciseCommand#main}): terminals today show it. */
  static final String TICK = "✓";

  static final String CROSS = "✗";

  boolean done() {
    return fault == null;
  }

  /** The verdict as the learner reads it: one line, then where and how, indented. */
  String render() {
    if (done()) {
      return TICK + " " + exercise.name() + ": done";
    }
    StringBuilder text = new StringBuilder(CROSS + " " + exercise.name() + ": " + fault.reason());
    if (fault.step() != null) {
      text.append("\n    ");
      if (file != null) {
        text.append(file).append(todoLine > 0 ? ":" + todoLine : "").append(": ");
      }
      text.append(
          todoLine > 0 || file == null
              ? "TODO(" + fault.step() + ")"
              : "the step \"" + fault.step() + "\"");
    }
    if (fault.call() != null) {
      text.append("\n    client_java: ").append(fault.call());
    }
    return text.toString();
  }
}
