package tutorial.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a learner writes: each exercise's starter with its TODOs done, from {@code fixes/<name>.txt}
 * (blocks {@code <<<} old text {@code ===} new text {@code >>>}), and the edits the tests make to
 * break it on purpose.
 */
final class Fixes {

  private static final Pattern BLOCK =
      Pattern.compile("<<<\n(.*?)\n===\n(.*?)\n>>>\n", Pattern.DOTALL);

  private Fixes() {}

  static String fixed(Exercise exercise) {
    String text = Workspace.starter(exercise);
    try (InputStream in = Fixes.class.getResourceAsStream("/fixes/" + exercise.name() + ".txt")) {
      Matcher block = BLOCK.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (block.find()) {
        text = edit(text, block.group(1) + "\n", block.group(2) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (text.contains("TODO(")) {
      throw new IllegalStateException(exercise.name() + "'s fix leaves a TODO");
    }
    return text;
  }

  /** The finished {@code exercise} with {@code edits} made: old, new, old, new, ... */
  static String broken(Exercise exercise, java.util.List<String> edits) {
    String text = fixed(exercise);
    for (int i = 0; i < edits.size(); i += 2) {
      text = edit(text, edits.get(i), edits.get(i + 1));
    }
    return text;
  }

  /** {@code text} with {@code old}, which it holds exactly once, replaced. */
  static String edit(String text, String old, String replacement) {
    int at = text.indexOf(old);
    if (at < 0 || text.indexOf(old, at + 1) >= 0) {
      throw new IllegalArgumentException(
          (at < 0 ? "not in the file: " : "more than once in the file: ") + old);
    }
    return text.substring(0, at) + replacement + text.substring(at + old.length());
  }

  /** A workspace in {@code folder} whose file of {@code exercise} holds {@code text}. */
  static Workspace workspaceWith(Path folder, Exercise exercise, String text) {
    Workspace workspace = new Workspace(folder);
    try {
      Path file = workspace.file(exercise);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return workspace;
  }

  static Exercise named(String name) {
    return Exercises.named(name).orElseThrow();
  }
}
