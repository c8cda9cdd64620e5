package tutorial.compare;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import tutorial.commandline.CommandLines;
import tutorial.commandline.HelpOption;
import tutorial.commandline.Settings;
import tutorial.commandline.Values;
import tutorial.steps.TutorialSteps;

/**
 * {@code ./compare}: shows scrapes side by side, family by family, so that a learner sees what each
 * metric type looks like on the wire, how the formats differ, and whether a service matches a step
 * of the tutorial. Its exit status makes it a check for scripts as well.
 */
public final class CompareCommand implements Callable<Integer>, Settings {

  static final int SAME = 0;
  static final int DIFFERS = 1;
  static final int CANNOT_COMPARE = 2;

  /** The command line this command runs in, for its output and its usage errors. */
  private CommandSpec spec;

  List<String> targets = new ArrayList<>();
  List<String> names = new ArrayList<>();
  Format format;
  List<Format> formats;
  Path expected;
  String step;
  boolean listSteps;
  boolean check;
  boolean exact;
  double tolerance;
  List<String> varies = new ArrayList<>();
  boolean all;
  boolean differencesOnly;
  boolean quiet;
  int width;
  String metricsToken;
  String metricsUsername;
  String metricsPassword;

  @Override
  public CommandSpec options() {
    return Settings.group()
        .parameters("TARGET", value -> targets = value, "Services or saved scrapes.")
        .list(
            "--name",
            String.class,
            null,
            null,
            value -> names = value,
            "Only the families named so, by family or sample name; * matches anything (jvm_*)."
                + " Repeatable.")
        .alias("-n")
        .label("NAME")
        .option(
            "--format",
            Format.class,
            null,
            value -> format = value,
            "What to ask the services for: ${COMPLETION-CANDIDATES} (default text, or the format"
                + " of the --expected file).")
        .alias("-f")
        .label("FORMAT")
        .list(
            "--formats",
            Format.class,
            ",",
            null,
            value -> formats = value,
            "Ask one service for several formats and compare them (default: all three).")
        .optionalValue("text,openmetrics,protobuf", "[FORMAT,...]")
        .option(
            "--expected",
            Path.class,
            Values.readableFile(),
            null,
            value -> expected = value,
            "Compare each TARGET with this expected scrape, family by family; <NUMBER> in the file"
                + " matches any number. Only the file's families are compared.")
        .alias("-e")
        .label("FILE")
        .option(
            "--step",
            String.class,
            null,
            value -> step = value,
            "--expected with a tutorial step's expected scrape, which ships with this command, e.g."
                + " counters/after-visits (--list-steps shows them all).")
        .alias("-s")
        .label("CHAPTER/STEP")
        .flag("--list-steps", value -> listSteps = value, "List the tutorial steps and exit.")
        .flag(
            "--check",
            value -> check = value,
            "Only check that each TARGET is valid in its format (OpenMetrics by every MUST of its"
                + " specification), as promtool check metrics does; compare nothing. Lists every"
                + " problem, up to "
                + InvalidExposition.MAX_PROBLEMS
                + ", with its line.")
        .flag(
            "--exact",
            value -> exact = value,
            "Also compare the values that differ from run to run (sums and quantiles of durations).")
        .option(
            "--tolerance",
            double.class,
            Values.nonNegativeNumber(),
            "0",
            value -> tolerance = value,
            "Values this close (0.05 = 5%%) count as the same (default ${DEFAULT-VALUE}).")
        .label("FRACTION")
        .list(
            "--varies",
            String.class,
            null,
            null,
            value -> varies = value,
            "Values of these families differ from run to run: do not compare them.")
        .label("NAME")
        .flag("--all", value -> all = value, "Also compare the runtime families.")
        .flag(
            "--differences",
            value -> differencesOnly = value,
            "Show only the families that differ.")
        .alias("-d")
        .flag("--quiet", value -> quiet = value, "Print only the one-line verdict (for scripts).")
        .alias("-q")
        .option(
            "--width",
            int.class,
            Values.positiveInteger(),
            "100",
            value -> width = value,
            "Width of the output (default ${DEFAULT-VALUE}).")
        .label("COLUMNS")
        .option(
            "--metrics-token",
            String.class,
            "${env:METRICS_TOKEN}",
            value -> metricsToken = value,
            "Send 'Authorization: Bearer <token>', for services started with a --metrics-token"
                + " (env METRICS_TOKEN, as for the services).")
        .label("TOKEN")
        .option(
            "--metrics-username",
            String.class,
            "${env:METRICS_USERNAME}",
            value -> metricsUsername = value,
            "With --metrics-password: log in to /metrics (env METRICS_USERNAME).")
        .label("USER")
        .option(
            "--metrics-password",
            String.class,
            "${env:METRICS_PASSWORD}",
            value -> metricsPassword = value,
            "Password for --metrics-username (env METRICS_PASSWORD).")
        .label("PASSWORD")
        .build();
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command with its error handling: every failure is a message and exit status 2. */
  public static CommandLine commandLine() {
    CompareCommand compare = new CompareCommand();
    // the command runs this object's call(); its options are the ones declared above
    CommandSpec command = CommandSpec.wrapWithoutInspection(compare).name("compare");
    Map<String, String> exitStatuses = new LinkedHashMap<>();
    exitStatuses.put("0", "every compared family is the same (--check: every target valid)");
    exitStatuses.put("1", "a compared family differs");
    exitStatuses.put("2", "a usage error, or a target that cannot be read");
    command
        .usageMessage()
        .sortOptions(false)
        .width(100)
        .description(
            "Shows Prometheus scrapes side by side, family by family: type, help, series and"
                + " values.",
            "A TARGET is a service (http://localhost:5001, localhost:5001/metrics) or a saved"
                + " scrape (text, OpenMetrics or binary protobuf, recognised by its content).",
            "Left out as noise: _created series, timestamps, exemplars, and the runtime families"
                + " (process_*, jvm_*, python_*) unless --all or --name asks for them.",
            "")
        .exitCodeListHeading("%nExit status:%n")
        .exitCodeList(exitStatuses)
        .footerHeading("%nExamples:%n")
        .footer(
            "  compare localhost:5001 localhost:5002                 a counter next to a gauge",
            "  compare --formats localhost:5005                      text, OpenMetrics and protobuf",
            "  compare --step counters/after-visits localhost:5001   does my service match the"
                + " tutorial?",
            "  compare --list-steps                                  the steps --step knows",
            "  compare before.txt after.txt                          two saved scrapes",
            "  compare --check --formats localhost:5001              valid in every format?");
    command.addMixin("compare", compare.options());
    HelpOption.addTo(command);
    compare.spec = command;
    CommandLine commandLine = new CommandLine(command);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLines.refuseUsageErrors(commandLine, "compare", CANNOT_COMPARE);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          cl.getErr().println("compare: " + e);
          return CANNOT_COMPARE;
        });
    return commandLine;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (listSteps) {
        TutorialSteps.names().forEach(out::println);
        return SAME;
      }
      return check ? check(out, err) : compare(out);
    } catch (TargetException e) {
      err.println("compare: " + e.getMessage());
      return CANNOT_COMPARE;
    }
  }

  /** {@code --check}: each target (each format, with --formats) valid, or its problems. */
  private int check(PrintWriter out, PrintWriter err) {
    if (step != null || expected != null) {
      throw usage("--check compares nothing: leave out --step and --expected");
    }
    if (targets.isEmpty()) {
      throw usage("give the services or saved scrapes to check");
    }
    if (formats != null
        && (format != null || targets.stream().anyMatch(t -> ScrapeReader.urlOf(t) == null))) {
      throw usage("--formats asks services for several formats: give URLs, and no --format");
    }
    boolean valid = true;
    try (ScrapeReader reader = new ScrapeReader(authorization())) {
      for (String target : targets) {
        for (Format each :
            formats != null
                ? formats
                : Collections.singletonList(format != null ? format : Format.text)) {
          try {
            Scrape scrape = reader.read(target, each);
            long samples = scrape.families().stream().mapToLong(f -> f.samples().size()).sum();
            out.println(
                scrape.source()
                    + ": valid "
                    + scrape.format().title()
                    + ", "
                    + scrape.families().size()
                    + " families, "
                    + samples
                    + " samples"
                    + (scrape.note().isEmpty() ? "" : " (" + scrape.note() + ")"));
          } catch (TargetException e) {
            err.println("compare: " + e.getMessage());
            valid = false;
          }
        }
      }
    }
    out.flush();
    return valid ? SAME : CANNOT_COMPARE;
  }

  private int compare(PrintWriter out) throws TargetException {
    if (step != null && expected != null) {
      throw usage("give --step or --expected, not both");
    }
    boolean withExpected = step != null || expected != null;
    checkUsage(withExpected);

    List<Scrape> scrapes = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    try (ScrapeReader reader = new ScrapeReader(authorization())) {
      Format ask = format != null ? format : Format.text;
      if (withExpected) {
        Scrape reference =
            step != null
                ? reader.readExpected(Steps.expected(step), "step " + step)
                : reader.readFile(expected, expected.toString(), true);
        scrapes.add(reference);
        titles.add(step != null ? "step " + step : "expected: " + expected);
        ask = format != null ? format : reference.format();
      }
      if (formats != null) {
        for (Format each : formats) {
          scrapes.add(reader.read(targets.get(0), each));
        }
      } else {
        for (String target : targets) {
          scrapes.add(reader.read(target, ask));
        }
      }
    }
    scrapes.subList(titles.size(), scrapes.size()).forEach(s -> titles.add(s.source()));

    Comparison.Result result =
        Comparison.compare(
            scrapes, new Comparison.Options(names, all, exact, tolerance, varies, withExpected));
    if (result.families().isEmpty()) {
      throw new TargetException(
          "no family to compare"
              + (names.isEmpty() ? "" : ": none is named " + String.join(" or ", names)));
    }
    List<Comparison.FamilyResult> shown =
        result.families().stream().filter(f -> !differencesOnly || !f.same()).toList();
    SideBySide view = new SideBySide(out, width, scrapes.size(), shown);
    if (!quiet) {
      view.legend(scrapes, titles);
      shown.forEach(view::family);
    }
    view.summary(result, quiet);
    return result.same() ? SAME : DIFFERS;
  }

  private void checkUsage(boolean withExpected) {
    if (formats != null) {
      if (targets.size() != 1) {
        throw usage("--formats compares the formats of one service: give exactly one URL");
      }
      if (ScrapeReader.urlOf(targets.get(0)) == null) {
        throw usage("--formats needs a service's URL, not a file: " + targets.get(0));
      }
      if (format != null) {
        throw usage("give --format or --formats, not both");
      }
      return;
    }
    int needed = withExpected ? 1 : 2;
    if (targets.size() < needed) {
      throw usage(
          withExpected
              ? "give the service to check, e.g. http://localhost:5001"
              : "give two or more targets to compare (or --expected FILE, --step or --formats)");
    }
  }

  /** The Authorization header for the services, or null: as the services read their login. */
  private String authorization() {
    if (metricsUsername != null || metricsPassword != null) {
      if (metricsUsername == null || metricsPassword == null) {
        throw usage("give both --metrics-username and --metrics-password");
      }
      return okhttp3.Credentials.basic(metricsUsername, metricsPassword, StandardCharsets.UTF_8);
    }
    return metricsToken == null ? null : "Bearer " + metricsToken;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
