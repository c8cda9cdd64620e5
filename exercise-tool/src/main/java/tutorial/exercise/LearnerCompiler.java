package tutorial.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles an exercise file in this JVM with {@code javax.tools}, against the class path this tool
 * runs on ({@code common}, client_java, Javalin): a warm compile takes a fraction of a second,
 * where a Maven round trip would take several. The file manager is kept, so its view of the class
 * path is read once.
 */
final class LearnerCompiler {

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final StandardJavaFileManager files;
  private final String classPath = System.getProperty("java.class.path");

  LearnerCompiler() {
    if (javac == null) {
      throw new IllegalStateException(
          "this Java has no compiler (javax.tools): run ./exercise with a JDK, not a JRE");
    }
    files = javac.getStandardFileManager(null, Locale.ROOT, null);
  }

  /** The compiled classes of {@code source}, in a new folder, or the fault javac found. */
  Path compile(Path source) throws Fault {
    Path out;
    try {
      out = Files.createTempDirectory("exercise-classes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled =
        javac
            .getTask(
                null,
                files,
                diagnostics,
                List.of(
                    "--release",
                    "17",
                    "-proc:none",
                    "-implicit:none",
                    "-g",
                    "-classpath",
                    classPath,
                    "-d",
                    out.toString()),
                null,
                files.getJavaFileObjects(source))
            .call();
    if (!compiled) {
      delete(out);
      throw Fault.of(firstError(source, diagnostics));
    }
    return out;
  }

  /** A compile at start, so that javac's classes are loaded before the first save. */
  void warmUp() {
    JavaFileObject warm =
        new SimpleJavaFileObject(URI.create("string:///WarmUp.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return "class WarmUp { io.prometheus.metrics.core.metrics.Counter c; }";
          }
        };
    Path out = null;
    try {
      out = Files.createTempDirectory("exercise-warm-up");
      javac
          .getTask(
              null,
              files,
              new DiagnosticCollector<>(),
              List.of(
                  "--release", "17", "-proc:none", "-classpath", classPath, "-d", out.toString()),
              null,
              List.of(warm))
          .call();
    } catch (IOException e) {
      // the first real compile pays for the warm-up instead
    } finally {
      if (out != null) {
        delete(out);
      }
    }
  }

  /** javac's own line for the first error, as it prints it: file:line, message, source, caret. */
  private static String firstError(Path source, DiagnosticCollector<JavaFileObject> diagnostics) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .toList();
    if (errors.isEmpty()) {
      return "does not compile";
    }
    Diagnostic<? extends JavaFileObject> first = errors.get(0);
    StringBuilder text =
        new StringBuilder("does not compile: ")
            .append(source.getFileName())
            .append(':')
            .append(first.getLineNumber())
            .append(": ")
            .append(first.getMessage(Locale.ROOT));
    String line = sourceLine(source, first.getLineNumber());
    if (line != null) {
      text.append("\n    ").append(line);
      if (first.getColumnNumber() > 0) {
        text.append("\n    ").append(" ".repeat((int) first.getColumnNumber() - 1)).append('^');
      }
    }
    if (errors.size() > 1) {
      text.append("\n  (")
          .append(errors.size() - 1)
          .append(" more error")
          .append(errors.size() > 2 ? "s" : "")
          .append(" after it)");
    }
    return text.toString();
  }

  private static String sourceLine(Path source, long number) {
    try (Stream<String> lines = Files.lines(source)) {
      return lines.skip(number - 1).findFirst().orElse(null);
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  static void delete(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is not worth a failed check
    }
  }
}
