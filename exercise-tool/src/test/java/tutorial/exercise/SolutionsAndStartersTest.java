package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exercise three ways: its reference solution passes, its untouched starter fails at its
 * first TODO, and the starter with its TODOs done, as a learner would write them, passes.
 */
class SolutionsAndStartersTest {

  private final Checker checker = SharedChecker.get();

  @TempDir Path folder;

  static Stream<String> exercises() {
    return Exercises.all().stream().map(Exercise::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void theReferenceSolutionPasses(String name) {
    Verdict verdict = checker.checkSolution(Fixes.named(name));

    assertThat(verdict.done()).as(verdict.render()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void theUntouchedStarterFailsAtItsFirstTodo(String name) {
    Exercise exercise = Fixes.named(name);
    Workspace workspace = new Workspace(folder);
    workspace.create();
    List<String> lines = List.of(Workspace.starter(exercise).split("\n"));
    int firstTodo = 0;
    while (!lines.get(firstTodo).contains("TODO(")) {
      firstTodo++;
    }
    String step = lines.get(firstTodo).replaceAll(".*TODO\\(([^)]*)\\).*", "$1");

    Verdict verdict = checker.checkFile(exercise, workspace);

    assertThat(verdict.done()).isFalse();
    assertThat(verdict.fault().step()).as(verdict.render()).isEqualTo(step);
    assertThat(verdict.todoLine()).isEqualTo(firstTodo + 1);
    assertThat(verdict.render())
        .contains(workspace.file(exercise) + ":" + (firstTodo + 1) + ": TODO(" + step + ")");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void theStarterWithItsTodosDonePasses(String name) {
    Exercise exercise = Fixes.named(name);
    Workspace workspace = Fixes.workspaceWith(folder, exercise, Fixes.fixed(exercise));

    Verdict verdict = checker.checkFile(exercise, workspace);

    assertThat(verdict.done()).as(verdict.render()).isTrue();
  }

  @Test
  void aCopyOfTheChaptersAppInItsOwnPackageIsTheLearnersCode() throws Exception {
    Exercise exercise = Fixes.named("counters-count");
    String finished =
        java.nio.file.Files.readString(
            Path.of("../counters-app/src/main/java/tutorial/counters/CountersApp.java"));
    String twice =
        Fixes.edit(
            finished,
            "    homeCounter.inc();\n",
            "    homeCounter.inc();\n    homeCounter.inc();\n");

    Verdict asIs = checker.checkFile(exercise, Fixes.workspaceWith(folder, exercise, finished));
    Verdict changed = checker.checkFile(exercise, Fixes.workspaceWith(folder, exercise, twice));

    assertThat(asIs.done()).as(asIs.render()).isTrue();
    // the learner's class, not the finished app of the same name on the tool's class path
    assertThat(changed.fault().reason()).contains("inc() runs twice per request");
  }

  @Test
  void aDoneExerciseIsRememberedAndTheNextUnfinishedOneComesFirst() {
    Exercise first = Exercises.all().get(0);
    Workspace workspace = Fixes.workspaceWith(folder, first, Fixes.fixed(first));
    workspace.create();

    workspace.markDone(first, checker.checkFile(first, workspace).done());

    assertThat(workspace.done()).containsExactly(first.name());
    assertThat(workspace.firstUnfinished(0)).contains(Exercises.all().get(1));
  }
}
