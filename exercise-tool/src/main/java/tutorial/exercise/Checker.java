package tutorial.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * Runs an exercise's check against one of three services: the learner's file, compiled and started
 * here; the chapter's finished app (the solution); or any running service. The first two run in an
 * {@link ExerciseHost} JVM of their own, against a {@link RepositoryApi} on loopback; a spare host
 * is kept warm for the next save.
 */
final class Checker implements AutoCloseable {

  private final RepositoryApi api = new RepositoryApi();
  private final CompletableFuture<LearnerCompiler> compiler;
  private final boolean keepWarm;
  private CompletableFuture<HostProcess> spare;

  /**
   * {@code compiles}: whether learner files will be checked (the compiler warms up meanwhile);
   * {@code keepWarm}: whether another check will follow each one, so that a host should be started
   * for it while the learner reads.
   */
  Checker(boolean compiles, boolean keepWarm) {
    this.keepWarm = keepWarm;
    spare = CompletableFuture.supplyAsync(() -> HostProcess.start(api.baseUrl()));
    compiler =
        compiles
            ? CompletableFuture.supplyAsync(
                () -> {
                  LearnerCompiler javac = new LearnerCompiler();
                  javac.warmUp();
                  return javac;
                })
            : null;
  }

  /** Compiles the learner's {@code file}, starts it and checks it. */
  Verdict checkFile(Exercise exercise, Workspace workspace) {
    long start = System.nanoTime();
    Path file = workspace.file(exercise);
    Fault fault;
    Path classes = null;
    try {
      if (!Files.isRegularFile(file)) {
        throw Fault.of(
            file
                + " is gone: r (or ./exercise reset "
                + exercise.name()
                + ") brings the starter back");
      }
      classes = compiler().compile(file);
      fault = runAndCheck(exercise, classes, mainClass(classes, exercise), List.of());
    } catch (Fault compileError) {
      fault = compileError;
    } finally {
      if (classes != null) {
        LearnerCompiler.delete(classes);
      }
    }
    int line = fault == null ? 0 : workspace.lineOf(exercise, fault.step());
    return new Verdict(exercise, fault, file, line, since(start));
  }

  /** The exercise's class, in the package its file declares, if it declares one. */
  private static String mainClass(Path classes, Exercise exercise) {
    String file = exercise.className() + ".class";
    try (Stream<Path> compiled = Files.walk(classes)) {
      return compiled
          .filter(p -> p.getFileName().toString().equals(file))
          .findFirst()
          .map(p -> classes.relativize(p).toString().replace(java.io.File.separatorChar, '.'))
          .map(name -> name.substring(0, name.length() - ".class".length()))
          .orElse(exercise.className());
    } catch (IOException e) {
      return exercise.className();
    }
  }

  Verdict checkSolution(Exercise exercise) {
    long start = System.nanoTime();
    Fault fault = runAndCheck(exercise, null, exercise.solution(), exercise.solutionArgs());
    return new Verdict(exercise, fault, null, 0, since(start));
  }

  /** Judges a running service from outside: no file, no start, the same check. */
  static Verdict checkTarget(Exercise exercise, HttpUrl target) {
    long start = System.nanoTime();
    Fault fault = null;
    try (Probe probe = new Probe(target)) {
      exercise.check().run(probe);
    } catch (Fault found) {
      fault = found;
    }
    return new Verdict(exercise, fault, null, 0, since(start));
  }

  private Fault runAndCheck(Exercise exercise, Path classes, String mainClass, List<String> args) {
    try (HostProcess host = takeHost()) {
      HttpUrl url;
      try {
        url = host.run(classes, mainClass, args);
      } catch (Fault startFailure) {
        return startFailure;
      }
      try (Probe probe = new Probe(url)) {
        exercise.check().run(probe);
        return null;
      } catch (Fault fault) {
        if (fault.step() == null && fault.reason().contains(" answered 500")) {
          // the route threw: say where, from the stack trace in the exercise's log
          return Fault.of(fault.reason() + host.lastFrameIn(exercise.file()));
        }
        return fault;
      }
    }
  }

  private HostProcess takeHost() {
    HostProcess host = spare == null ? HostProcess.start(api.baseUrl()) : spare.join();
    spare = keepWarm ? CompletableFuture.supplyAsync(() -> HostProcess.start(api.baseUrl())) : null;
    return host;
  }

  private LearnerCompiler compiler() {
    if (compiler == null) {
      throw new IllegalStateException("this checker compiles nothing");
    }
    return compiler.join();
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    if (spare != null) {
      spare.join().close();
    }
    api.close();
  }
}
