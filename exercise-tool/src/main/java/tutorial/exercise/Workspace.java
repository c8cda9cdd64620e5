package tutorial.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The learner's folder of exercises, {@code exercises/} by default, which git ignores: one folder
 * per exercise with its file, copied from the starter on the first run and never overwritten; the
 * progress in {@code .progress}; and the learner's own versions, kept in {@code .backups/} before a
 * reset restores a starter.
 */
final class Workspace {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path root;

  Workspace(Path root) {
    this.root = root;
  }

  Path file(Exercise exercise) {
    return root.resolve(exercise.name()).resolve(exercise.file());
  }

  /** Copies the starters that are not there yet; a learner's file is never touched. */
  void create() {
    for (Exercise exercise : Exercises.all()) {
      Path file = file(exercise);
      if (!Files.exists(file)) {
        write(file, starter(exercise));
      }
    }
  }

  static String starter(Exercise exercise) {
    try (InputStream in = Workspace.class.getResourceAsStream(exercise.starter())) {
      if (in == null) {
        throw new IllegalStateException("no starter " + exercise.starter() + " in this jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Restores the starter; the learner's version, if it differs, is kept first. Returns where it was
   * kept, or empty if the file was the starter already.
   */
  Optional<Path> reset(Exercise exercise) {
    Path file = file(exercise);
    String starter = starter(exercise);
    Optional<Path> kept = Optional.empty();
    if (Files.exists(file) && !read(file).equals(starter)) {
      String name = exercise.className() + "." + LocalDateTime.now().format(STAMP) + ".java";
      Path backup = root.resolve(".backups").resolve(exercise.name()).resolve(name);
      write(backup, read(file));
      kept = Optional.of(backup);
    }
    write(file, starter);
    return kept;
  }

  Set<String> done() {
    Path progress = root.resolve(".progress");
    if (!Files.exists(progress)) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (String line : read(progress).split("\n")) {
      if (Exercises.named(line.strip()).isPresent()) {
        names.add(line.strip());
      }
    }
    return names;
  }

  void markDone(Exercise exercise, boolean done) {
    Set<String> names = new LinkedHashSet<>(done());
    if (done ? names.add(exercise.name()) : names.remove(exercise.name())) {
      write(root.resolve(".progress"), String.join("\n", names) + "\n");
    }
  }

  /**
   * The first exercise not done, from {@code start} on and then from the beginning; empty: all
   * done.
   */
  Optional<Exercise> firstUnfinished(int start) {
    List<Exercise> all = Exercises.all();
    Set<String> done = done();
    for (int i = 0; i < all.size(); i++) {
      Exercise exercise = all.get((start + i) % all.size());
      if (!done.contains(exercise.name())) {
        return Optional.of(exercise);
      }
    }
    return Optional.empty();
  }

  /** The line of {@code TODO(step)} in the learner's file, or 0 once it is gone. */
  int lineOf(Exercise exercise, String step) {
    Path file = file(exercise);
    if (step == null || !Files.exists(file)) {
      return 0;
    }
    List<String> lines = List.of(read(file).split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("TODO(" + step + ")")) {
        return i + 1;
      }
    }
    return 0;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
