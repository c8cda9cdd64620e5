package tutorial.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A real terminal for a command a learner runs by hand: a tmux pane on a tmux server of its own,
 * whose keys (Ctrl-C too) the test types and whose screen and history it reads.
 */
public final class TerminalPane implements AutoCloseable {

  private final String server = "tutorial-test-" + UUID.randomUUID();
  private final Duration wait;

  private TerminalPane(Duration wait) {
    this.wait = wait;
  }

  /**
   * Runs {@code command} in a new 160-by-50 pane; {@link #awaitScreen} waits up to {@code wait}.
   */
  public static TerminalPane start(Duration wait, String... command) {
    TerminalPane pane = new TerminalPane(wait);
    // the pane stays when the command ends, so that what it printed last can still be read
    List<String> args =
        new ArrayList<>(
            List.of(
                "start-server",
                ";",
                "set-option",
                "-g",
                "remain-on-exit",
                "on",
                ";",
                "new-session",
                "-d",
                "-s",
                pane.server,
                "-x",
                "160",
                "-y",
                "50"));
    args.addAll(List.of(command));
    pane.tmux(args.toArray(String[]::new));
    return pane;
  }

  /** Types {@code keys} as tmux's send-keys names them: {@code "q"}, {@code "C-c"}. */
  public void keys(String keys) {
    tmux("send-keys", "-t", server, keys);
  }

  public void awaitScreen(String text) {
    awaitScreen(text, 1);
  }

  /** Waits until the pane's screen and history show {@code text}, {@code times} times. */
  public void awaitScreen(String text, int times) {
    long deadline = System.nanoTime() + wait.toNanos();
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = screen();
      if (screen.split(Pattern.quote(text), -1).length > times) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the terminal never showed: " + text + "\nit shows:\n" + screen);
  }

  /** The screen and its history, long lines joined. */
  public String screen() {
    return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", server);
  }

  @Override
  public void close() {
    tmux("kill-server");
  }

  /** Runs tmux on this pane's own server; its output. */
  private String tmux(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", server));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      if (process.exitValue() != 0 && !args[0].equals("kill-server")) {
        throw new IllegalStateException(String.join(" ", command) + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run tmux (sudo apt-get install tmux): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
