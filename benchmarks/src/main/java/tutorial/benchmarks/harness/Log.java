package tutorial.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's output: progress lines on the terminal, and everything (wrk's reports, JMH's
 * output) in raw.txt, the raw output BENCHMARKS.md quotes.
 */
final class Log implements AutoCloseable {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream terminal;
  private final PrintStream raw;
  private final List<String> steps = new ArrayList<>();

  Log(Path rawFile) throws IOException {
    this.terminal = System.out;
    this.raw = new PrintStream(Files.newOutputStream(rawFile), true, "UTF-8");
  }

  /** A progress line, on the terminal and in the raw output. */
  void step(String message) {
    String line = "[" + LocalTime.now().format(TIME) + "] " + message;
    terminal.println(line);
    raw.println(line);
    steps.add(line);
  }

  /** The progress lines so far: the harness's own output, which BENCHMARKS.md quotes. */
  List<String> steps() {
    return List.copyOf(steps);
  }

  /** Detail for the raw output only. */
  void raw(String text) {
    raw.println(text);
  }

  /**
   * A stream for output written elsewhere (JMH's own report): to the raw output, and to the
   * terminal as well so that a long JMH run shows it is alive.
   */
  PrintStream tee() {
    return new PrintStream(new TeeOutputStream(terminal, raw), true);
  }

  @Override
  public void close() {
    raw.close();
  }

  private static final class TeeOutputStream extends java.io.OutputStream {
    private final PrintStream a;
    private final PrintStream b;

    TeeOutputStream(PrintStream a, PrintStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }

    @Override
    public void flush() {
      a.flush();
      b.flush();
    }
  }
}
