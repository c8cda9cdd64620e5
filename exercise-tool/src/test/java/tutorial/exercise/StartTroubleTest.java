package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercises that go wrong before any metric can be judged: they do not compile, throw, exit, loop,
 * take another port, or hang a route. Each is reported within a bound, and the checker goes on to
 * pass the next, fixed, file.
 */
class StartTroubleTest {

  /** The bound on any one check: the start's bound, the requests' bounds, and a JVM's start. */
  private static final Duration BOUND = ExerciseHost.START_BOUND.plusSeconds(15);

  record Trouble(String exercise, String what, List<String> edits, String reason) {
    @Override
    public String toString() {
      return exercise + ": " + what;
    }
  }

  private final Checker checker = SharedChecker.get();

  @TempDir Path folder;

  static Stream<Trouble> troubles() {
    String main = "    Service.run(\"counters-app\", args, CountersApp::new);\n";
    String home = "  void home(Context ctx) {\n";
    return Stream.of(
        new Trouble(
            "counters-count",
            "a missing semicolon",
            List.of("    homeCounter.inc();\n", "    homeCounter.inc()\n"),
            "does not compile: CountersApp.java:@: ';' expected\n    "),
        new Trouble(
            "counters-count",
            "an unknown method",
            List.of("    homeCounter.inc();\n", "    homeCounter.increment();\n"),
            "does not compile: CountersApp.java:@: cannot find symbol"),
        new Trouble(
            "counters-count",
            "a throw at start",
            List.of(
                "    this.registry = registry;\n",
                "    this.registry = registry;\n    if (registry != null) {\n"
                    + "      throw new IllegalStateException(\"not today\");\n    }\n"),
            "main threw at start: java.lang.IllegalStateException: not today at CountersApp.java:@"),
        new Trouble(
            "counters-count",
            "System.exit in main",
            List.of(main, "    System.exit(3);\n"),
            "the app called System.exit(3) at CountersApp.java:"),
        new Trouble(
            "counters-count",
            "a main that loops forever",
            List.of(main, "    while (args != null) {\n      Thread.onSpinWait();\n    }\n"),
            "main did not listen within 8 s; it was still running at CountersApp.java:"),
        new Trouble(
            "counters-count",
            "a main that starts nothing",
            List.of(main, "    System.err.println(\"hello\");\n"),
            "main returned, but nothing listens on the port it was given"),
        new Trouble(
            "counters-count",
            "its own port",
            List.of(
                main,
                "    Service.run(\"counters-app\", new String[] {\"--port=0\"}, CountersApp::new);\n"),
            "not on the port it was given"),
        new Trouble(
            "counters-count",
            "no main",
            List.of(
                "  public static void main(String[] args) {\n",
                "  public static void start(String[] args) {\n"),
            "CountersApp has no public static void main(String[] args)"),
        new Trouble(
            "counters-count",
            "a route that loops forever",
            List.of(home, home + "    while (ctx != null) {\n      Thread.onSpinWait();\n    }\n"),
            "GET / got no answer within 3 s: does the route wait or loop forever?"),
        new Trouble(
            "counters-serve",
            "a /metrics of its own that its format forbids",
            List.of(
                "    routes.get(\"/metrics\", MetricsEndpoint.handler(registry));\n",
                "    routes.get(\"/metrics\", ctx -> ctx.result(\"visits{a=\\\"1\\\",a=\\\"2\\\"} 1\\n\"));\n"),
            "the scrape is not valid: its /metrics: not a valid text 0.0.4 scrape: line 1: the label"
                + " `a` twice"),
        new Trouble(
            "counters-count",
            "a route that throws",
            List.of(
                home,
                home
                    + "    if (ctx != null) {\n      throw new IllegalStateException(\"oops\");\n    }\n"),
            "GET / answered 500"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("troubles")
  void isReportedWithinABound(Trouble trouble) {
    Exercise exercise = Fixes.named(trouble.exercise());
    String text = Fixes.broken(exercise, trouble.edits());
    Workspace workspace = Fixes.workspaceWith(folder, exercise, text);

    Verdict verdict = checker.checkFile(exercise, workspace);

    assertThat(verdict.done()).isFalse();
    assertThat(verdict.fault().reason())
        .as(verdict.render())
        .contains(trouble.reason().replace("@", Integer.toString(lineOfEdit(text, trouble))));
    assertThat(verdict.took()).isLessThan(BOUND);
  }

  /** The line of the edit's last new line that is not a brace: where javac or a throw points. */
  private static int lineOfEdit(String text, Trouble trouble) {
    String[] added = trouble.edits().get(1).split("\n");
    String last = added[0];
    for (String line : added) {
      if (!line.isBlank() && !line.strip().equals("}") && !line.strip().startsWith("if (")) {
        last = line;
      }
    }
    return List.of(text.split("\n")).indexOf(last) + 1;
  }

  @Test
  void aRouteThatThrowsIsPlacedInTheFile() {
    Exercise exercise = Fixes.named("counters-count");
    String home = "  void home(Context ctx) {\n";
    String text =
        Fixes.edit(
            Fixes.fixed(exercise),
            home,
            home
                + "    if (ctx != null) {\n      throw new IllegalStateException(\"oops\");\n    }\n");
    Workspace workspace = Fixes.workspaceWith(folder, exercise, text);

    Verdict verdict = checker.checkFile(exercise, workspace);

    int throwLine =
        List.of(text.split("\n")).indexOf("      throw new IllegalStateException(\"oops\");") + 1;
    assertThat(verdict.fault().reason()).contains(" at CountersApp.java:" + throwLine);
  }

  @Test
  void afterTroubleTheNextFileIsCheckedAsUsual() {
    Exercise exercise = Fixes.named("counters-count");
    String exits =
        Fixes.edit(
            Fixes.fixed(exercise),
            "    Service.run(\"counters-app\", args, CountersApp::new);\n",
            "    System.exit(3);\n");
    assertThat(checker.checkFile(exercise, Fixes.workspaceWith(folder, exercise, exits)).done())
        .isFalse();

    Verdict fixed =
        checker.checkFile(exercise, Fixes.workspaceWith(folder, exercise, Fixes.fixed(exercise)));

    assertThat(fixed.done()).as(fixed.render()).isTrue();
  }
}
