package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tutorial.compare.ScrapeReader;
import tutorial.compare.TargetException;

/**
 * {@code ./compare}'s strict reader: a large valid scrape read in this JVM once warm, at 10,000 and
 * 100,000 series so that the two show it stays linear, beside a baseline in the same run (the same
 * bytes only decoded and split into lines); then malformed inputs of 64 MiB refused by {@code
 * ./compare --check} in a JVM of its own with a 256 MiB heap, which bounds its memory.
 */
final class ReaderPhase {

  private static final int WARM_UP = 20;
  private static final String HEAP = "-Xmx256m";
  private static final int MIB = 1024 * 1024;

  private final Plan plan;
  private final Log log;
  private final Path root;

  ReaderPhase(Plan plan, Log log, Path root) {
    this.plan = plan;
    this.log = log;
    this.root = root;
  }

  void run(Results results) throws IOException, InterruptedException {
    int runs = plan.isQuick() ? 10 : 30;
    for (int series : new int[] {10_000, 100_000}) {
      for (String format : new String[] {"text", "openmetrics"}) {
        byte[] scrape = scrape(series, format.equals("openmetrics"));
        log.step("reader: " + series + " series, " + format + ", " + scrape.length / 1024 + " KiB");
        List<Double> reader = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        try (ScrapeReader read = new ScrapeReader(null)) {
          for (int i = 0; i < WARM_UP + runs; i++) {
            long start = System.nanoTime();
            int families = read.read(scrape, "bench").families().size();
            double readMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            int lines = new String(scrape, StandardCharsets.UTF_8).split("\n").length;
            double baselineMs = (System.nanoTime() - start) / 1e6;
            if (families == 0 || lines == 0) {
              throw new IllegalStateException("nothing read");
            }
            if (i >= WARM_UP) {
              reader.add(readMs);
              baseline.add(baselineMs);
            }
          }
        } catch (TargetException e) {
          throw new IllegalStateException(
              "the generated scrape is not valid: " + e.getMessage(), e);
        }
        log.step(
            String.format(
                "  read: median %.1f ms; decoded and split only: median %.1f ms; ratio %.1f",
                Stats.median(reader),
                Stats.median(baseline),
                Stats.median(reader) / Stats.median(baseline)));
        results.reads.add(new Results.Read(series, format, scrape.length, reader, baseline));
      }
    }
    Path folder = Files.createTempDirectory("bench-reader");
    refuse(results, folder, "one line of 64 MiB, a label value never closed", oneLongLine());
    refuse(results, folder, "64 MiB of broken lines", brokenLines());
    refuse(results, folder, "65 MiB, past the reader's bound", new byte[65 * MIB]);
  }

  /** {@code ./compare --check FILE} on {@code content}: its time and exit status. */
  private void refuse(Results results, Path folder, String what, byte[] content)
      throws IOException, InterruptedException {
    Path file = folder.resolve("input.txt");
    Files.write(file, content);
    List<Double> ms = new ArrayList<>();
    int status = -1;
    String firstLine = "";
    for (int i = 0; i < (plan.isQuick() ? 2 : 5); i++) {
      long start = System.nanoTime();
      Process check =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  HEAP,
                  "-jar",
                  root.resolve("compare-tool/target/compare-tool.jar").toString(),
                  "--check",
                  file.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!check.waitFor(2, TimeUnit.MINUTES)) {
        check.destroyForcibly();
        throw new IllegalStateException(what + ": no answer within 2 minutes");
      }
      ms.add((System.nanoTime() - start) / 1e6);
      status = check.exitValue();
      firstLine = output.lines().findFirst().orElse("");
    }
    Files.delete(file);
    log.step(
        String.format(
            "reader: %s: median %.0f ms %s, status %d: %s",
            what, Stats.median(ms), ms, status, firstLine));
    results.refusals.add(new Results.Refusal(what, content.length, HEAP, ms, status, firstLine));
  }

  private static byte[] scrape(int series, boolean openMetrics) {
    StringBuilder text = new StringBuilder();
    int perFamily = 100;
    for (int family = 0; family < series / perFamily; family++) {
      String name = "bench_requests_" + family;
      text.append("# HELP ").append(openMetrics ? name : name + "_total").append(" Requests.\n");
      text.append("# TYPE ").append(openMetrics ? name : name + "_total").append(" counter\n");
      for (int i = 0; i < perFamily; i++) {
        text.append(name)
            .append("_total{path=\"/api/v")
            .append(i % 7)
            .append("/items\",code=\"")
            .append(200 + i)
            .append("\"} ")
            .append(i * 3.5)
            .append('\n');
      }
    }
    if (openMetrics) {
      text.append("# EOF\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] oneLongLine() {
    byte[] content = new byte[64 * MIB];
    byte[] start = "a{b=\"".getBytes(StandardCharsets.UTF_8);
    java.util.Arrays.fill(content, (byte) 'x');
    System.arraycopy(start, 0, content, 0, start.length);
    return content;
  }

  private static byte[] brokenLines() {
    byte[] line = "a{b=\"c\" 1\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[64 * MIB / line.length * line.length];
    for (int i = 0; i < content.length; i += line.length) {
      System.arraycopy(line, 0, content, i, line.length);
    }
    return content;
  }
}
