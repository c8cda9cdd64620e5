package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/exercises.md shows what the tool does: its list of exercises and a verdict it prints. */
class ExercisesDocTest {

  static final Path PAGE = Path.of("..", "docs", "exercises.md");

  @TempDir Path folder;

  /** The page's {@code ```text} blocks. */
  static List<String> textBlocks() throws Exception {
    Matcher block =
        Pattern.compile("```text\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  @Test
  void theTableListsEveryExerciseInTheWatchersOrder() throws Exception {
    Matcher row =
        Pattern.compile("(?m)^\\| ([0-9]+) \\| `([a-z-]+)` \\| ([a-z-]+) \\|")
            .matcher(Files.readString(PAGE));
    List<String> rows = new ArrayList<>();
    while (row.find()) {
      rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
    }

    List<String> exercises = new ArrayList<>();
    for (Exercise exercise : Exercises.all()) {
      exercises.add((exercises.size() + 1) + " " + exercise.name() + " " + exercise.chapter());
    }
    assertThat(rows).isEqualTo(exercises);
  }

  @Test
  void theVerdictShownIsTheUntouchedStartersVerdict() throws Exception {
    Exercise first = Exercises.all().get(0);
    Workspace workspace = new Workspace(folder);
    workspace.create();

    Verdict verdict;
    try (Checker checker = new Checker(true, false)) {
      verdict = checker.checkFile(first, workspace);
    }

    assertThat(textBlocks().get(0))
        .isEqualTo(verdict.render().replace(folder.toString(), "exercises") + "\n");
  }
}
