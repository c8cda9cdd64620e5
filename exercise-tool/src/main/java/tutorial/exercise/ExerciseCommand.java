package tutorial.exercise;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import tutorial.commandline.CommandLines;
import tutorial.commandline.HelpOption;
import tutorial.commandline.Settings;

/**
 * {@code ./exercise}: the tutorial's steps to write, one small Java file each, checked by meaning
 * on every save. Without a command it watches, as rustlings does; the other commands are for
 * scripts.
 */
public final class ExerciseCommand implements Callable<Integer>, Settings {

  static final int DONE = 0;
  static final int NOT_DONE = 1;
  static final int USAGE = 2;

  private static final List<String> COMMANDS = List.of("watch", "list", "check", "hint", "reset");

  private CommandSpec spec;

  List<String> words = new ArrayList<>();
  Path folder;
  String target;
  String solution;
  boolean lines;

  @Override
  public CommandSpec options() {
    return Settings.group()
        .parameters(
            "COMMAND",
            value -> words = value,
            "watch [NAME] (the default), list, check [NAME], hint NAME or reset NAME. NAME is an"
                + " exercise or a chapter: "
                + String.join(", ", Exercises.CHAPTERS)
                + ".")
        .option(
            "--dir",
            Path.class,
            "${env:EXERCISES_DIR:-exercises}",
            value -> folder = value,
            "The learner's exercise files, which git ignores (env EXERCISES_DIR, default"
                + " ${DEFAULT-VALUE}).")
        .label("FOLDER")
        .option(
            "--target",
            String.class,
            null,
            value -> target = value,
            "check: judge the service running at HOST:PORT, in any language, instead of the file.")
        .label("HOST:PORT")
        .option(
            "--solution",
            String.class,
            null,
            value -> solution = value,
            "Check the reference solution of an exercise or a chapter: its finished app.")
        .label("NAME")
        .flag(
            "--lines",
            value -> lines = value,
            "Watch without single keys: type a key and Enter (where a terminal's keys do not"
                + " work). Without a terminal this is how the watcher reads anyway.")
        .build();
  }

  public static void main(String[] args) {
    // the repository API's own server is not the learner's business
    System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    CommandLine commandLine = commandLine();
    // the ticks and the progress bar are UTF-8 whatever the locale: a C locale would print ?
    commandLine.setOut(
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    commandLine.setErr(
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    System.exit(commandLine.execute(args));
  }

  static CommandLine commandLine() {
    ExerciseCommand exercise = new ExerciseCommand();
    CommandSpec command = CommandSpec.wrapWithoutInspection(exercise).name("exercise");
    Map<String, String> exitStatuses = new LinkedHashMap<>();
    exitStatuses.put("0", "done: every exercise checked passes");
    exitStatuses.put("1", "not done: one fails (its reason is printed)");
    exitStatuses.put("2", "a usage error");
    command
        .usageMessage()
        .sortOptions(false)
        .width(100)
        .description(
            "The tutorial's steps to write yourself: one small Java file per step, in the"
                + " tutorial's order, under the --dir folder. Each file's routes work; a TODO"
                + " marks each place the instrumentation goes.",
            "Without a command it watches: it checks the first unfinished exercise on every save"
                + " and says what is wrong and why. Keys: h hint, l list, n next, r reset (your"
                + " version is kept), q quit.",
            "")
        .exitCodeListHeading("%nExit status:%n")
        .exitCodeList(exitStatuses)
        .footerHeading("%nExamples:%n")
        .footer(
            "  exercise                                   watch, from the first unfinished one",
            "  exercise list                              every exercise and its state",
            "  exercise check counters-count              check one file once",
            "  exercise check counters --target localhost:5000   judge any running service",
            "  exercise hint gauges-label                 what to read and which call to make",
            "  exercise reset gauges-label                the starter again; yours is kept",
            "  exercise --solution histograms             the chapter's finished app passes");
    command.addMixin("exercise", exercise.options());
    HelpOption.addTo(command);
    exercise.spec = command;
    CommandLine commandLine = new CommandLine(command);
    CommandLines.refuseUsageErrors(commandLine, "exercise", USAGE);
    return commandLine;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Workspace workspace = new Workspace(folder);
    String command = words.isEmpty() || !COMMANDS.contains(words.get(0)) ? "watch" : words.get(0);
    List<String> rest =
        words.isEmpty() || !COMMANDS.contains(words.get(0))
            ? words
            : words.subList(1, words.size());
    if (rest.size() > 1) {
      throw usage("one NAME at most, not " + String.join(" ", rest));
    }
    Optional<String> name = rest.stream().findFirst();
    List<Exercise> named = name.map(this::select).orElse(List.of());
    if (solution != null) {
      if (!words.isEmpty()) {
        throw usage("--solution takes no command");
      }
      return checkSolutions(out, select(solution));
    }
    if (target != null && !command.equals("check")) {
      throw usage("--target goes with check");
    }
    switch (command) {
      case "list":
        if (name.isPresent()) {
          throw usage("list takes no NAME");
        }
        workspace.create();
        Listing.print(out, workspace, null);
        return DONE;
      case "hint":
        return hint(out, named);
      case "reset":
        return reset(out, workspace, named);
      case "check":
        if (target != null) {
          return checkTarget(out, name.map(this::judgedBy).orElse(List.of()));
        }
        return checkFiles(out, workspace, name.isEmpty() ? Exercises.all() : named);
      default:
        workspace.create();
        int start = named.isEmpty() ? 0 : Exercises.indexOf(named.get(0));
        return new Watcher(workspace, out, lines).run(start, name.isPresent());
    }
  }

  private List<Exercise> select(String name) {
    List<Exercise> selected = Exercises.select(name);
    if (selected.isEmpty()) {
      throw usage(
          "no exercise or chapter '"
              + name
              + "'; ./exercise list shows the exercises, and the"
              + " chapters are "
              + String.join(", ", Exercises.CHAPTERS));
    }
    return selected;
  }

  /** What a running service is judged by: an exercise, or a chapter's finished state. */
  private List<Exercise> judgedBy(String name) {
    if (Exercises.CHAPTERS.contains(name)) {
      return List.of(
          Exercises.chapterCheck(name)
              .orElseThrow(
                  () ->
                      usage(
                          "'"
                              + name
                              + "' is two apps, one per exercise: judge a service by one of them,"
                              + " labels-route or exemplars-trace")));
    }
    return select(name);
  }

  private int hint(PrintWriter out, List<Exercise> named) {
    if (named.size() != 1) {
      throw usage(
          named.isEmpty()
              ? "hint needs an exercise's NAME"
              : "hint takes one exercise, not a chapter");
    }
    Exercise exercise = named.get(0);
    out.println(exercise.name() + ": " + exercise.task());
    out.println();
    out.println(exercise.hint());
    return DONE;
  }

  private int reset(PrintWriter out, Workspace workspace, List<Exercise> named) {
    if (named.isEmpty()) {
      throw usage("reset needs an exercise's NAME (or a chapter's)");
    }
    for (Exercise exercise : named) {
      Optional<Path> kept = workspace.reset(exercise);
      workspace.markDone(exercise, false);
      out.println(Listing.resetMessage(workspace, exercise, kept));
    }
    return DONE;
  }

  private int checkFiles(PrintWriter out, Workspace workspace, List<Exercise> exercises) {
    workspace.create();
    boolean allDone = true;
    try (Checker checker = new Checker(true, exercises.size() > 1)) {
      for (Exercise exercise : exercises) {
        Verdict verdict = checker.checkFile(exercise, workspace);
        workspace.markDone(exercise, verdict.done());
        out.println(verdict.render());
        out.flush();
        allDone &= verdict.done();
      }
    }
    return allDone ? DONE : NOT_DONE;
  }

  private int checkSolutions(PrintWriter out, List<Exercise> exercises) {
    boolean allDone = true;
    try (Checker checker = new Checker(false, exercises.size() > 1)) {
      for (Exercise exercise : exercises) {
        Verdict verdict = checker.checkSolution(exercise);
        out.println(
            verdict.render()
                + (verdict.done() ? " (the solution: " + exercise.solution() + ")" : ""));
        out.flush();
        allDone &= verdict.done();
      }
    }
    return allDone ? DONE : NOT_DONE;
  }

  private int checkTarget(PrintWriter out, List<Exercise> judgedBy) {
    if (judgedBy.isEmpty()) {
      throw usage("check --target needs the NAME of an exercise or a chapter to judge it by");
    }
    HttpUrl url = Probe.baseOf(target);
    if (url == null || !target.matches("(https?://)?[^/\\s]+:[0-9]+/?")) {
      throw usage("--target is HOST:PORT, e.g. localhost:5000, not '" + target + "'");
    }
    Verdict verdict = Checker.checkTarget(judgedBy.get(0), url);
    out.println(verdict.render());
    out.flush();
    return verdict.done() ? DONE : NOT_DONE;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
