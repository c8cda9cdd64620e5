package tutorial.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code ./exercise check NAME --target HOST:PORT}: the same steps against a service started apart,
 * in any language, with the same verdicts as on the compiled exercise; and the tutorial's own
 * Python apps judged by their chapters.
 */
class TargetTest {

  private final Checker checker = SharedChecker.get();
  private static RepositoryApi api;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    api = new RepositoryApi();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** What a learner's shell shows: the command's output and its exit status. */
  record Run(int status, String output) {}

  static Run exercise(String... args) {
    StringWriter out = new StringWriter();
    CommandLine command = ExerciseCommand.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(out));
    int status = command.execute(args);
    return new Run(status, out.toString());
  }

  static Stream<BrokenVariantsTest.Variant> variants() {
    return BrokenVariantsTest.variants();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void aSeparateServiceGetsTheVerdictOfItsFile(BrokenVariantsTest.Variant variant) throws Fault {
    Exercise exercise = Fixes.named(variant.exercise());
    String text = Fixes.broken(exercise, variant.edits());
    Workspace workspace = Fixes.workspaceWith(folder, exercise, text);
    Verdict ofTheFile = checker.checkFile(exercise, workspace);

    Run run = checkApart(exercise, workspace);

    assertThat(run.status()).isEqualTo(ExerciseCommand.NOT_DONE);
    // a trace id is new in every run: the rest of the verdict is the same
    assertThat(run.output().lines().findFirst().map(TargetTest::withoutTraceIds))
        .contains(withoutTraceIds(ofTheFile.render().lines().findFirst().orElseThrow()));
  }

  /** The exercise's file compiled and started as a service apart, judged by --target. */
  private static Run checkApart(Exercise exercise, Workspace workspace) throws Fault {
    return checkApart(exercise, workspace, exercise.name());
  }

  /** As {@link #checkApart(Exercise, Workspace)}, judged by {@code judgedBy}. */
  private static Run checkApart(Exercise exercise, Workspace workspace, String judgedBy)
      throws Fault {
    Path classes = new LearnerCompiler().compile(workspace.file(exercise));
    try (SeparateService service =
        SeparateService.java(classes, exercise.className(), api.baseUrl())) {
      return exercise("check", judgedBy, "--target", service.target());
    } finally {
      LearnerCompiler.delete(classes);
    }
  }

  private static String withoutTraceIds(String line) {
    return line.replaceAll("\"[0-9a-f]{32}\"", "\"<trace id>\"");
  }

  @Test
  void aFinishedChapterRunningApartPasses() throws Fault {
    Exercise exercise = Fixes.named("histograms-time");

    Run run = checkApart(exercise, Fixes.workspaceWith(folder, exercise, Fixes.fixed(exercise)));

    assertThat(run.status()).as(run.output()).isEqualTo(ExerciseCommand.DONE);
    assertThat(run.output()).isEqualTo(Verdict.TICK + " histograms-time: done\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pythonChapters")
  void theTutorialsOwnPythonAppPassesItsChapter(String chapter, String file) {
    Run run;
    try (SeparateService service = SeparateService.python(file)) {
      run = exercise("check", chapter, "--target", service.target());
    }

    assertThat(run.status()).as(run.output()).isEqualTo(ExerciseCommand.DONE);
    assertThat(run.output()).isEqualTo(Verdict.TICK + " " + chapter + ": done\n");
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> pythonChapters() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("counters", "using_counters.py"),
        org.junit.jupiter.params.provider.Arguments.of("gauges", "using_gauges.py"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void theHistogramsChapterEndsInEitherOfItsLayouts(String buckets) throws Exception {
    Path none = java.nio.file.Files.createTempDirectory(folder, "none");
    Run run;
    try (SeparateService service =
        SeparateService.java(none, "tutorial.histograms.HistogramsApp", api.baseUrl(), buckets)) {
      run = exercise("check", "histograms", "--target", service.target());
    }

    assertThat(run.output()).isEqualTo(Verdict.TICK + " histograms: done\n");
  }

  static Stream<String> layouts() {
    return Stream.of("--buckets=python", "--buckets=tutorial");
  }

  @Test
  void otherBucketsAreNeitherOfTheChaptersLayouts() throws Exception {
    Exercise exercise = Fixes.named("histograms-buckets");
    Workspace workspace =
        Fixes.workspaceWith(
            folder,
            exercise,
            Fixes.broken(
                exercise,
                List.of(
                    "            .classicUpperBounds(.1, .2, .3, .4, .5, .6, .7, .8, .9, 1)\n",
                    "")));
    Run run = checkApart(exercise, workspace, "histograms");

    assertThat(run.output())
        .startsWith(
            Verdict.CROSS
                + " histograms: Buckets are client_java's defaults; the tutorial's are either the"
                + " Python client's defaults or its own, 0.1 … 1.0");
  }

  @Test
  void beyondIsTwoAppsNotOne() {
    Run run = exercise("check", "beyond", "--target", "localhost:1");

    assertThat(run.status()).isEqualTo(ExerciseCommand.USAGE);
    assertThat(run.output()).contains("'beyond' is two apps, one per exercise");
  }

  @Test
  void thePythonInfoIsNamedForWhatItIs() throws Exception {
    Run run;
    try (SeparateService service = SeparateService.python("custom_metrics.py")) {
      run = exercise("check", "custom-info", "--target", service.target());
    }

    assertThat(run.status()).isEqualTo(ExerciseCommand.NOT_DONE);
    // what docs/exercises.md shows
    assertThat(run.output()).startsWith(ExercisesDocTest.textBlocks().get(1));
    assertThat(run.output())
        .startsWith(
            Verdict.CROSS
                + " custom-info: `application_info_info`: Info adds `_info` itself; the"
                + " tutorial's is `application_info`\n    TODO(Define an Info metric to expose"
                + " static information)\n    client_java: Info.builder()");
  }

  @Test
  void aTargetThatIsNotHostAndPortIsAUsageError() {
    Run run = exercise("check", "counters", "--target", "not a target");

    assertThat(run.status()).isEqualTo(ExerciseCommand.USAGE);
    assertThat(run.output())
        .isEqualTo(
            "exercise: --target is HOST:PORT, e.g. localhost:5000, not 'not a target'. Try"
                + " 'exercise --help' for the settings.\n");
  }

  @Test
  void nothingListeningIsAReasonNotAStackTrace() {
    Run run =
        exercise(
            "check", "counters-declare", "--target", "127.0.0.1:" + tutorial.testkit.Ports.free());

    assertThat(run.status()).isEqualTo(ExerciseCommand.NOT_DONE);
    assertThat(run.output())
        .startsWith(
            Verdict.CROSS + " counters-declare: GET /metrics: nothing listens at 127.0.0.1:");
  }
}
