package tutorial.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tutorial.commandline.ProcessStop;

/**
 * {@code ./exercise} as a learner meets it: its first start on a built tree, to the first verdict,
 * and, in one watcher, every exercise's saves to their verdicts, failing ones and the passing one,
 * each save after a learner's pause. The baseline in the same run is what a save would cost without
 * the watcher: a Maven compile of the chapter's module.
 */
final class ExercisePhase {

  /** A learner reads the verdict and edits before the next save; the watcher warms up meanwhile. */
  private static final Duration PAUSE = Duration.ofMillis(1500);

  private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern BLOCK =
      Pattern.compile("<<<\n(.*?)\n===\n(.*?)\n>>>\n", Pattern.DOTALL);

  private final Plan plan;
  private final Log log;
  private final Path root;

  ExercisePhase(Plan plan, Log log, Path root) {
    this.plan = plan;
    this.log = log;
    this.root = root;
  }

  void run(Results results) throws IOException, InterruptedException {
    log.step("exercise: first start of ./exercise to its first verdict");
    List<Double> starts = new ArrayList<>();
    for (int i = 0; i < plan.startupRuns(); i++) {
      Path folder = Files.createTempDirectory("bench-exercises");
      try (Watcher watcher = new Watcher(folder)) {
        starts.add(watcher.awaitVerdict(null) / 1e6);
      }
    }
    log.step(String.format("  median %.0f ms %s", Stats.median(starts), starts));

    log.step("exercise: a Maven compile of counters-app after a save (the baseline)");
    List<Double> maven = new ArrayList<>();
    Path source = root.resolve("counters-app/src/main/java/tutorial/counters/CountersApp.java");
    long untouched = source.toFile().lastModified();
    for (int i = 0; i < plan.startupRuns(); i++) {
      source.toFile().setLastModified(System.currentTimeMillis());
      long start = System.nanoTime();
      Process compile =
          new ProcessBuilder("./mvnw", "-B", "-q", "-o", "-pl", "counters-app", "compile")
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (compile.waitFor() != 0) {
        throw new IllegalStateException("./mvnw -o -pl counters-app compile failed");
      }
      maven.add((System.nanoTime() - start) / 1e6);
    }
    // as it was: a source newer than exercise-tool's jar would make ./exercise rebuild it
    source.toFile().setLastModified(untouched);
    log.step(String.format("  median %.0f ms %s", Stats.median(maven), maven));

    log.step("exercise: each exercise's saves to their verdicts, in one watcher");
    List<Results.ExerciseSaves> saves = new ArrayList<>();
    Path folder = Files.createTempDirectory("bench-exercises");
    try (Watcher watcher = new Watcher(folder)) {
      List<String> names = exerciseNames();
      watcher.awaitVerdict(names.get(0));
      for (String name : names) {
        Path file = onlyFile(folder.resolve(name));
        String starter = Files.readString(file);
        List<Double> failing = new ArrayList<>();
        for (int i = 0; i < plan.startupRuns() - 1; i++) {
          Thread.sleep(PAUSE.toMillis());
          watcher.save(file, starter + "// save " + i + "\n");
          failing.add(watcher.awaitVerdict(name) / 1e6);
        }
        Thread.sleep(PAUSE.toMillis());
        watcher.save(file, fixed(name, starter));
        double passing = watcher.awaitVerdict(name) / 1e6;
        if (!watcher.lastVerdict.startsWith("✓")) {
          throw new IllegalStateException("the fixed " + name + " failed: " + watcher.lastVerdict);
        }
        saves.add(new Results.ExerciseSaves(name, failing, passing));
        log.step(
            String.format(
                "  %-20s failing saves %s ms, the passing save %.0f ms", name, failing, passing));
        watcher.send("n");
        if (!name.equals(names.get(names.size() - 1))) {
          watcher.awaitVerdict(names.get(names.indexOf(name) + 1));
        }
      }
    }
    results.exercises = new Results.Exercises(starts, maven, saves);
  }

  /** The exercises in the watcher's order, from {@code ./exercise list}. */
  private List<String> exerciseNames() throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory("bench-exercises");
    Process list =
        new ProcessBuilder("./exercise", "--dir", folder.toString(), "list")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    List<String> names = new ArrayList<>();
    Matcher row = Pattern.compile("^ +[0-9]+ +([a-z-]+) ").matcher("");
    for (String line :
        new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (row.reset(line).find()) {
        names.add(row.group(1));
      }
    }
    list.waitFor();
    return names;
  }

  /** The starter with its TODOs done, as the exercise checker's tests do them. */
  private String fixed(String name, String starter) throws IOException {
    String fix =
        Files.readString(root.resolve("exercise-tool/src/test/resources/fixes/" + name + ".txt"));
    Matcher block = BLOCK.matcher(fix);
    String text = starter;
    while (block.find()) {
      text = text.replace(block.group(1) + "\n", block.group(2) + "\n");
    }
    return text;
  }

  private static Path onlyFile(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".java")).findFirst().orElseThrow();
    }
  }

  /** {@code ./exercise} in its line mode (no terminal), read line by line as it prints. */
  private final class Watcher implements AutoCloseable {
    private final Process process;
    private final long started = System.nanoTime();
    private final BlockingQueue<String> verdicts = new LinkedBlockingQueue<>();
    private final OutputStream keys;
    String lastVerdict = "";
    private long lastSave;

    Watcher(Path folder) throws IOException {
      ProcessBuilder builder =
          new ProcessBuilder("./exercise", "--dir", folder.toString(), "--lines")
              .directory(root.toFile())
              .redirectErrorStream(true);
      process = builder.start();
      keys = process.getOutputStream();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("✓ ") || line.startsWith("✗ ")) {
                      verdicts.add(System.nanoTime() + " " + line);
                    }
                  }
                } catch (IOException e) {
                  // the watcher is gone
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    /** Nanoseconds from the last save (or the start) to the next verdict on {@code name}. */
    long awaitVerdict(String name) throws InterruptedException {
      long from = lastSave == 0 ? started : lastSave;
      while (true) {
        String verdict = verdicts.poll(VERDICT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (verdict == null) {
          throw new IllegalStateException("no verdict on " + name + " within " + VERDICT_TIMEOUT);
        }
        String[] parts = verdict.split(" ", 2);
        lastVerdict = parts[1];
        if (name == null || lastVerdict.substring(2).startsWith(name + ":")) {
          lastSave = 0;
          return Long.parseLong(parts[0]) - from;
        }
      }
    }

    void save(Path file, String text) throws IOException {
      Files.writeString(file, text);
      lastSave = System.nanoTime();
    }

    void send(String key) throws IOException {
      keys.write((key + "\n").getBytes(StandardCharsets.UTF_8));
      keys.flush();
    }

    @Override
    public void close() throws IOException {
      send("q");
      ProcessStop.stop(process, Duration.ofSeconds(5));
    }
  }
}
