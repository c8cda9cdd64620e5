package tutorial.exercise;

import java.util.List;

/**
 * One exercise: a small Java file whose routes already work and whose instrumentation is missing,
 * marked by {@code TODO(step)} comments; the check that judges it; and its reference solution, the
 * chapter's finished app (started with {@code solutionArgs}).
 *
 * @param name what the learner types, e.g. {@code counters-count}
 * @param chapter the tutorial's chapter, one of {@link Exercises#CHAPTERS}
 * @param file the exercise's file name, also its class's name
 * @param task what to do, in one line
 * @param hint what to read and which call to make, for {@code h}
 */
record Exercise(
    String name,
    String chapter,
    String file,
    String task,
    String hint,
    Check check,
    String solution,
    List<String> solutionArgs) {

  /** The starter's resource inside this tool's jar. */
  String starter() {
    return "/tutorial/exercise/starters/" + name + "/" + file;
  }

  /** The exercise's class: its file's name. */
  String className() {
    return file.substring(0, file.length() - ".java".length());
  }
}
