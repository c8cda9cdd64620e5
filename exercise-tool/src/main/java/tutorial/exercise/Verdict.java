package tutorial.exercise;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a check found: done, or the first fault, with where to change it.
 *
 * @param fault null when done
 * @param file the learner's file that was checked, or null (a solution, a running service)
 */
record Verdict(Exercise exercise, Fault fault, Path file, int todoLine, Duration took) {

  /** The tick a terminal can show, else plain words. */
  static final boolean UNICODE = canShow('✓');

  static final String TICK = UNICODE ? "✓" : "[done]";
  static final String CROSS = UNICODE ? "✗" : "[not done]";

  private static boolean canShow(char c) {
    try {
      return Charset.forName(System.getProperty("native.encoding", "UTF-8"))
          .newEncoder()
          .canEncode(c);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

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
