package tutorial.exercise;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The list of exercises with their states, the progress bar, and what the watcher says around. */
final class Listing {

  private static final int BAR = 26;

  private Listing() {}

  static void print(PrintWriter out, Workspace workspace, Exercise current) {
    Set<String> done = workspace.done();
    List<Exercise> all = Exercises.all();
    for (int i = 0; i < all.size(); i++) {
      Exercise exercise = all.get(i);
      String state = done.contains(exercise.name()) ? "done" : "-";
      out.printf(
          "%s %2d  %-20s %-5s %s%n",
          exercise == current ? ">" : " ", i + 1, exercise.name(), state, exercise.task());
    }
    out.println(progress(workspace));
  }

  /** {@code [███████░░░░░░░] 4/13 done}. */
  static String progress(Workspace workspace) {
    int done = workspace.done().size();
    int total = Exercises.all().size();
    int filled = done * BAR / total;
    return "["
        + "█".repeat(filled)
        + "░".repeat(BAR - filled)
        + "]  "
        + done
        + "/"
        + total
        + " done";
  }

  static String resetMessage(Workspace workspace, Exercise exercise, Optional<Path> kept) {
    return "Restored the starter of "
        + exercise.name()
        + " in "
        + workspace.file(exercise)
        + kept.map(p -> "; your version is kept in " + p).orElse(" (it was the starter already)");
  }

  static String completion() {
    return String.join(
        "\n",
        "All "
            + Exercises.all().size()
            + " exercises done: you wrote the instrumentation of every"
            + " chapter of the tutorial, and two beyond it.",
        "Next: ./run a chapter and ./scrape it with a real Prometheus; ./compare your scrape with"
            + " the tutorial's steps; ./topology for recording rules and alerts.");
  }
}
