package tutorial.exercise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The watch mode: checks the current exercise at start and on every save of its file, and reads
 * single keys (h, l, n, r, q) from the terminal in raw mode through JLine. Without a terminal, or
 * with {@code --lines}, a key is a line. The file is polled, not watched through the file system's
 * events, so that it works alike on every file system, a container's and a network's too.
 */
final class Watcher {

  private static final long POLL_MILLIS = 100;
  private static final String CLEAR = "\033[H\033[2J";

  private final Workspace workspace;
  private final PrintWriter out;
  private final boolean forceLines;
  private final BlockingQueue<String> keys = new LinkedBlockingQueue<>();
  private boolean singleKeys;
  private String seen = "";

  Watcher(Workspace workspace, PrintWriter out, boolean forceLines) {
    this.workspace = workspace;
    this.out = out;
    this.forceLines = forceLines;
  }

  /** Watches from exercise {@code start}, or from the first unfinished one unless {@code named}. */
  int run(int start, boolean named) {
    Optional<Exercise> first =
        named ? Optional.of(Exercises.all().get(start)) : workspace.firstUnfinished(0);
    if (first.isEmpty()) {
      Listing.print(out, workspace, null);
      out.println(Listing.completion());
      out.flush();
      return ExerciseCommand.DONE;
    }
    out.println("Starting ... (the first check warms up a JVM and the compiler)");
    out.flush();
    try (Checker checker = new Checker(true, true);
        Terminal terminal = terminal()) {
      readKeys(terminal);
      Exercise current = first.get();
      Verdict verdict = check(checker, current);
      while (true) {
        String key = keys.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (key == null) {
          String now = signature(workspace.file(current));
          if (!now.equals(seen)) {
            settled(workspace.file(current), now);
            verdict = check(checker, current);
          }
          continue;
        }
        switch (key) {
          case "q":
            out.println("Bye. ./exercise starts again where you are.");
            out.flush();
            return ExerciseCommand.DONE;
          case "h":
            out.println();
            out.println("Hint for " + current.name() + ": " + current.hint());
            keyLine();
            break;
          case "l":
            out.println();
            Listing.print(out, workspace, current);
            out.println("Type an exercise's number and Enter to go there, or Enter to stay.");
            out.flush();
            Exercise chosen = choose();
            if (chosen != null && chosen != current) {
              current = chosen;
              verdict = check(checker, current);
            } else {
              keyLine();
            }
            break;
          case "n":
            if (!verdict.done()) {
              out.println();
              out.println(
                  current.name()
                      + " is not done yet: the reason is above. (l lists the"
                      + " exercises, to go to another.)");
              keyLine();
              break;
            }
            Optional<Exercise> next = workspace.firstUnfinished(Exercises.indexOf(current) + 1);
            if (next.isEmpty()) {
              out.println();
              out.println(Listing.completion());
              out.flush();
              return ExerciseCommand.DONE;
            }
            current = next.get();
            verdict = check(checker, current);
            break;
          case "r":
            Optional<Path> kept = workspace.reset(current);
            workspace.markDone(current, false);
            verdict = check(checker, current, Listing.resetMessage(workspace, current, kept));
            break;
          case "":
            verdict = check(checker, current);
            break;
          default:
            keyLine();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExerciseCommand.DONE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Verdict check(Checker checker, Exercise current) {
    return check(checker, current, null);
  }

  /** Checks {@code current} and shows the verdict, then {@code note} if there is one. */
  private Verdict check(Checker checker, Exercise current, String note) {
    // the version about to be checked: a save during the check is seen after it
    seen = signature(workspace.file(current));
    Verdict verdict;
    try {
      verdict = checker.checkFile(current, workspace);
    } catch (RuntimeException e) {
      // the checker's own trouble (a JVM that cannot start, a full disk): said, and watched on
      verdict =
          new Verdict(
              current, Fault.of("the check itself failed: " + e), workspace.file(current), 0, null);
    }
    workspace.markDone(current, verdict.done());
    if (singleKeys) {
      out.print(CLEAR);
    }
    out.println();
    out.println(verdict.render());
    out.println();
    out.println(Listing.progress(workspace));
    List<Exercise> all = Exercises.all();
    out.println(
        "Exercise " + (all.indexOf(current) + 1) + "/" + all.size() + ": " + current.task());
    out.println("  " + workspace.file(current));
    if (verdict.done()) {
      Optional<Exercise> next = workspace.firstUnfinished(all.indexOf(current) + 1);
      out.println(
          next.map(e -> "Next: " + e.name() + ". Press n to go on, or keep trying things here.")
              .orElse("That was the last one: press n."));
    }
    if (note != null) {
      out.println(note);
    }
    keyLine();
    return verdict;
  }

  private void keyLine() {
    out.println(
        singleKeys
            ? "h hint · l list · n next · r reset · q quit"
            : "Type h (hint), l (list), n (next), r (reset) or q (quit), then Enter; Enter alone"
                + " checks again.");
    out.flush();
  }

  /** Digits and Enter: an exercise's number from the list. */
  private Exercise choose() throws InterruptedException {
    StringBuilder digits = new StringBuilder();
    while (true) {
      String key = keys.take();
      if (singleKeys && key.matches("[0-9]")) {
        digits.append(key);
        out.print(key);
        out.flush();
        continue;
      }
      String number = singleKeys ? digits.toString() : key;
      if (!singleKeys || key.isEmpty() || number.matches("[0-9]+")) {
        out.println();
        if (number.matches("[0-9]+")) {
          int index = Integer.parseInt(number) - 1;
          if (index >= 0 && index < Exercises.all().size()) {
            return Exercises.all().get(index);
          }
        }
        return null;
      }
    }
  }

  /** A JLine terminal for single keys, or null for lines. */
  private Terminal terminal() throws IOException {
    if (forceLines || System.console() == null) {
      return null;
    }
    Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
    if (Terminal.TYPE_DUMB.equals(terminal.getType())
        || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
      terminal.close();
      return null;
    }
    return terminal;
  }

  private void readKeys(Terminal terminal) {
    Thread reader;
    if (terminal != null) {
      singleKeys = true;
      Attributes original = terminal.enterRawMode();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> terminal.setAttributes(original)));
      reader =
          new Thread(
              () -> {
                try {
                  while (true) {
                    int c = terminal.reader().read();
                    if (c < 0) {
                      keys.add("q");
                      return;
                    }
                    keys.add(c == '\r' || c == '\n' ? "" : Character.toString(c).toLowerCase());
                  }
                } catch (IOException e) {
                  keys.add("q");
                }
              },
              "keys");
    } else {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      reader =
          new Thread(
              () -> {
                try {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    keys.add(line.strip().toLowerCase());
                  }
                } catch (IOException e) {
                  // the input is gone: as if q
                }
                keys.add("q");
              },
              "keys");
    }
    reader.setDaemon(true);
    reader.start();
  }

  /** When the file last changed, and its size: a save changes one or the other. */
  private static String signature(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.lastModifiedTime().toMillis() + "/" + attributes.size();
    } catch (IOException e) {
      return "missing";
    }
  }

  /** Waits for an editor's save to finish (some write twice). */
  private static void settled(Path file, String changed) throws InterruptedException {
    String last = changed;
    while (true) {
      Thread.sleep(50);
      String now = signature(file);
      if (now.equals(last)) {
        return;
      }
      last = now;
    }
  }
}
