package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a run's results: results.md (every table), the part of BENCHMARKS.md that a run rewrites,
 * the chart's data files, and the list of targets met or missed.
 */
final class Report {

  static final double ROUTE_RATIO_GOAL = 0.95;
  static final double METRICS_RPS_GOAL = 15_000;
  static final double SCRAPE_10K_MS_GOAL = 10;
  static final double COUNTER_NS_GOAL = 5;
  static final double HISTOGRAM_NS_GOAL = 30;
  static final double STARTUP_MS_GOAL = 500;
  static final double RSS_MB_GOAL = 128;
  static final double EXERCISE_SAVE_S_GOAL = 2;
  static final double READ_10K_S_GOAL = 1;
  static final double EXERCISE_START_S_GOAL = 5;

  private final Results results;

  Report(Results results) {
    this.results = results;
  }

  List<Goal> goals() {
    List<Goal> goals = new ArrayList<>();
    for (Results.Route route : results.routes) {
      if (route.kind().equals("route")) {
        goals.add(
            Goal.atLeast(
                "`" + route.route() + "` of " + route.app() + " ≥ 0.95 × bare",
                route.ratio(),
                ROUTE_RATIO_GOAL,
                "",
                "%.3f"));
      }
    }
    for (Results.Route route : results.routes) {
      if (route.kind().equals("metrics")) {
        goals.add(
            Goal.atLeast(
                "`/metrics` of " + route.app() + " ≥ 15,000 req/s (JVM metrics off)",
                route.service().meanRps(),
                METRICS_RPS_GOAL,
                " req/s",
                "%,.0f"));
      }
    }
    for (Results.Scrape scrape : results.scrapes) {
      if (scrape.series() == 10_000) {
        goals.add(
            Goal.under(
                "10k-series scrape, " + scrape.format() + ", < 10 ms",
                scrape.micros() / 1000,
                SCRAPE_10K_MS_GOAL,
                " ms",
                "%.2f"));
      }
    }
    String adderFloor =
        update("longAdderIncrement", 1)
            .map(u -> f("; a bare LongAdder: %.1f ns", u.ns()))
            .orElse("");
    update("counterInc", 1)
        .ifPresent(
            u ->
                goals.add(
                    Goal.under(
                        "counter inc < 5 ns (1 thread" + adderFloor + ")",
                        u.ns(),
                        COUNTER_NS_GOAL,
                        " ns",
                        "%.1f")));
    update("histogramObserveCached", 1)
        .ifPresent(
            u ->
                goals.add(
                    Goal.under(
                        "classic histogram observe < 30 ns (1 thread)",
                        u.ns(),
                        HISTOGRAM_NS_GOAL,
                        " ns",
                        "%.1f")));
    for (Results.Startup startup : results.startup) {
      if (startup.launch().equals("tuned")) {
        goals.add(
            Goal.under(
                "start-up of " + startup.app() + ", tuned, median < 500 ms",
                Stats.median(startup.ms()),
                STARTUP_MS_GOAL,
                " ms",
                "%.0f"));
      }
    }
    for (Results.Memory memory : results.memory) {
      if (memory.launch().equals("tuned")) {
        goals.add(
            Goal.under(
                "RSS of counters-app after " + memory.loadSeconds() + " s of load, tuned, < 128 MB",
                memory.afterMb(),
                RSS_MB_GOAL,
                " MB",
                "%.0f"));
      }
    }
    for (Results.ServiceMemory memory : results.serviceMemory) {
      goals.add(
          Goal.under(
              "RSS of "
                  + memory.app()
                  + " after "
                  + memory.loadSeconds()
                  + " s of wrk, tuned, < 128 MB",
              memory.afterMb(),
              RSS_MB_GOAL,
              " MB",
              "%.0f"));
    }
    for (Results.Read read : results.reads) {
      if (read.series() == 10_000) {
        goals.add(
            Goal.under(
                "./compare's reader: a 10,000-series " + read.format() + " scrape, median < 1 s",
                Stats.median(read.readerMs()) / 1000,
                READ_10K_S_GOAL,
                " s",
                "%.3f"));
      }
    }
    if (results.exercises != null) {
      Results.ExerciseSaves slowest =
          results.exercises.saves().stream()
              .max(java.util.Comparator.comparingDouble(e -> Stats.median(e.allMs())))
              .orElseThrow();
      goals.add(
          Goal.under(
              "./exercise: a save to its verdict, median ≤ 2 s for every exercise (slowest: "
                  + slowest.exercise()
                  + ")",
              Stats.median(slowest.allMs()) / 1000,
              EXERCISE_SAVE_S_GOAL,
              " s",
              "%.2f"));
      goals.add(
          Goal.under(
              "./exercise: first start on a built tree to its first verdict, median ≤ 5 s",
              Stats.median(results.exercises.firstStartMs()) / 1000,
              EXERCISE_START_S_GOAL,
              " s",
              "%.2f"));
    }
    return goals;
  }

  private Optional<Results.Update> update(String benchmark, int threads) {
    return results.updates.stream()
        .filter(u -> u.benchmark().equals(benchmark) && u.threads() == threads)
        .findFirst();
  }

  /**
   * The part of BENCHMARKS.md that a run rewrites: the run and its targets, and links to the files
   * in {@code folder} that hold every table, so that results.md stays the one copy of them.
   */
  String docSection(String folder) {
    return runAndTargets()
        + "\nEvery table of this run: [`"
        + folder
        + "/results.md`]("
        + folder
        + "/results.md). Beside it: [`summary.txt`]("
        + folder
        + "/summary.txt), the harness's output; [`raw.txt`]("
        + folder
        + "/raw.txt), with every wrk and JMH report; [`results.json`]("
        + folder
        + "/results.json), every number; the chart's data, [`routes.tsv`]("
        + folder
        + "/routes.tsv) and [`startup.tsv`]("
        + folder
        + "/startup.tsv).\n\n![route ratios and start-up times]("
        + folder
        + "/chart.png)\n";
  }

  /** The run (when, where, how) and the targets, met or missed. */
  private String runAndTargets() {
    Locale.setDefault(Locale.ROOT);
    StringBuilder md = new StringBuilder();
    Results.Run run = results.run;
    md.append("### Run\n\n");
    md.append("- mode: **")
        .append(run.mode())
        .append("**, started ")
        .append(run.started())
        .append(", took ")
        .append(run.seconds() / 60)
        .append(" min ")
        .append(run.seconds() % 60)
        .append(" s\n");
    md.append("- command: `").append(run.command()).append("`\n");
    md.append("- load average before: ")
        .append(run.loadBefore())
        .append("; after: ")
        .append(run.loadAfter())
        .append("\n");
    md.append("- HTTP load: `wrk ")
        .append(String.join(" ", run.wrkLoad()))
        .append(" --latency` on loopback\n");
    for (String line : run.machine()) {
      md.append("- ").append(line).append("\n");
    }

    List<Goal> goals = goals();
    if (!goals.isEmpty()) {
      long met = goals.stream().filter(Goal::met).count();
      md.append("\n### Targets: ")
          .append(met)
          .append(" of ")
          .append(goals.size())
          .append(" met\n\n");
      Table table = new Table("target", "measured", "result");
      goals.forEach(goal -> table.row(goal.what(), goal.measured(), goal.verdict()));
      md.append(table);
    }
    return md.toString();
  }

  String markdown() {
    StringBuilder md = new StringBuilder(runAndTargets());

    if (!results.routes.isEmpty()) {
      md.append(
          "\n### Routes next to the bare baseline (HTTP, tuned launch, access log and JVM metrics off)\n\n");
      md.append(
          "Each row: the mean of the alternated runs; the baseline ran the same route (for `/metrics`: its `/`) in the same minutes.\n\n");
      Table table =
          new Table(
              "service",
              "route",
              "req/s",
              "p50 ms",
              "p99 ms",
              "bare route",
              "bare req/s",
              "bare p50",
              "bare p99",
              "ratio",
              "runs req/s (service; bare)");
      for (Results.Route r : results.routes) {
        if (r.kind().equals(UserViewPhase.KIND) || r.kind().equals(TracingPhase.KIND)) {
          continue; // in the tables of their own below
        }
        table.row(
            r.app(),
            "`" + r.route() + "`",
            f("%,.0f", r.service().meanRps()),
            f("%.2f", r.service().p50()),
            f("%.2f", r.service().p99()),
            "`" + r.twin() + "`",
            f("%,.0f", r.baseline().meanRps()),
            f("%.2f", r.baseline().p50()),
            f("%.2f", r.baseline().p99()),
            f("%.3f", r.ratio()),
            runs(r.service()) + "; " + runs(r.baseline()) + failures(r));
      }
      md.append(table);
    }

    if (!results.jvmScrapes.isEmpty()
        || results.routes.stream().anyMatch(r -> r.kind().startsWith("metrics"))) {
      md.append("\n### `/metrics` with and without the JVM and process metrics (counters-app)\n\n");
      Table table =
          new Table("JVM metrics", "HTTP req/s", "HTTP p50 ms", "scrape alone (JMH), µs", "bytes");
      for (boolean jvm : new boolean[] {false, true}) {
        Optional<Results.Route> http =
            results.routes.stream()
                .filter(
                    r ->
                        r.app().equals("counters-app")
                            && r.kind().equals(jvm ? "metrics-jvm" : "metrics"))
                .findFirst();
        Optional<Results.JvmScrape> jmh =
            results.jvmScrapes.stream().filter(j -> j.jvmMetrics() == jvm).findFirst();
        table.row(
            jvm ? "on" : "off",
            http.map(r -> f("%,.0f", r.service().meanRps())).orElse("–"),
            http.map(r -> f("%.2f", r.service().p50())).orElse("–"),
            jmh.map(j -> withError("%.1f", j.micros(), j.error())).orElse("–"),
            jmh.map(j -> f("%,d", j.bytes())).orElse("–"));
      }
      md.append(table);
    }

    if (!results.updates.isEmpty()) {
      md.append("\n### Metric updates (JMH, ns per call; \"cached\" is the apps' way)\n\n");
      Table table = new Table("update", "1 thread", "2 threads");
      Map<String, String[]> rows = new LinkedHashMap<>();
      for (Results.Update u : results.updates) {
        rows.computeIfAbsent(u.benchmark(), k -> new String[] {"–", "–"})[u.threads() - 1] =
            withError("%.1f", u.ns(), u.error());
      }
      rows.forEach((name, cells) -> table.row("`" + name + "`", cells[0], cells[1]));
      md.append(table);
    }

    if (!results.scrapes.isEmpty()) {
      md.append(
          "\n### Scrape cost as the registry grows (JMH, one thread, time and bytes per scrape)\n\n");
      Table table = new Table("series", "format", "ms per scrape", "bytes", "bytes per series");
      for (Results.Scrape s : results.scrapes) {
        table.row(
            f("%,d", s.series()),
            s.format(),
            withError("%.3f", s.micros() / 1000, s.error() / 1000),
            f("%,d", s.bytes()),
            f("%.0f", (double) s.bytes() / s.series()));
      }
      md.append(table);
    }

    if (!results.startup.isEmpty()) {
      md.append(
          "\n### Start-up: process start to the first 200 on `/metrics` (default service settings)\n\n");
      Table table =
          new Table(
              "service",
              "launch",
              "command",
              "min ms",
              "median ms",
              "RSS after start, MB",
              "runs ms");
      for (Results.Startup s : results.startup) {
        if (s.launch().equals("default") || s.launch().equals("tuned")) {
          table.row(
              s.app(),
              s.launch(),
              "`" + s.shell() + "`",
              f("%.0f", Stats.min(s.ms())),
              f("%.0f", Stats.median(s.ms())),
              f("%.0f", Stats.median(s.rssMb())),
              runs(s.ms()));
        }
      }
      md.append(table);
      if (!results.training.isEmpty()) {
        md.append(
            "\nThe first tuned start of a new jar, which runs without the archive while a training run"
                + " makes it beside:\n\n");
        Table training = new Table("service", "first start, ms", "archive, MB");
        results.training.forEach(
            t -> training.row(t.app(), f("%.0f", t.ms()), f("%.1f", t.archiveMb())));
        md.append(training);
      }
    }

    md.append(floorsTable());
    md.append(settingsTable());

    if (!results.memory.isEmpty() || !results.serviceMemory.isEmpty()) {
      md.append("\n### Resident memory (VmRSS)\n\n");
      Table table =
          new Table("service", "launch", "RSS after start, MB", "RSS after load, MB", "load");
      for (Results.Memory m : results.memory) {
        table.row(
            "counters-app (access log, JVM metrics on)",
            m.launch(),
            f("%.0f", m.startMb()),
            f("%.0f", m.afterMb()),
            m.loadSeconds()
                + " s of routes + a scrape every 100 requests, "
                + f("%,.0f", m.rps())
                + " req/s");
      }
      for (Results.ServiceMemory m : results.serviceMemory) {
        table.row(
            m.app(),
            "tuned",
            f("%.0f", m.startMb()),
            f("%.0f", m.afterMb()),
            m.loadSeconds() + " s of the HTTP phase");
      }
      md.append(table);
    }
    md.append(userViewTables());
    md.append(tracingTable());
    md.append(incidentTable());
    md.append(exerciseTable());
    md.append(readerTables());
    md.append("\n![route ratios and start-up times](chart.png)\n");
    return md.toString();
  }

  /** ./compare's reader: large scrapes beside their baseline, and malformed inputs refused. */
  private String readerTables() {
    if (results.reads.isEmpty() && results.refusals.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder();
    md.append("\n### ./compare's reader: large scrapes (in one JVM, warm)\n\n");
    md.append(
        "The baseline is the same bytes only decoded and split into lines, timed in the same"
            + " rounds.\n\n");
    Table reads =
        new Table(
            "series", "format", "KiB", "read, median ms", "baseline, median ms", "÷ baseline");
    for (Results.Read read : results.reads) {
      reads.row(
          f("%,d", read.series()),
          read.format(),
          f("%,d", read.bytes() / 1024),
          f("%.1f", Stats.median(read.readerMs())),
          f("%.1f", Stats.median(read.baselineMs())),
          f("%.1f", Stats.median(read.readerMs()) / Stats.median(read.baselineMs())));
    }
    md.append(reads);
    md.append("\n### ./compare --check refusing malformed input (a JVM of its own)\n\n");
    Table refusals = new Table("input", "MiB", "heap", "median ms", "runs ms", "status", "answer");
    for (Results.Refusal refusal : results.refusals) {
      refusals.row(
          refusal.input(),
          f("%.0f", refusal.bytes() / (1024.0 * 1024)),
          "`" + refusal.heap() + "`",
          f("%.0f", Stats.median(refusal.ms())),
          runs(refusal.ms()),
          Integer.toString(refusal.status()),
          "`" + refusal.answer().replace("|", "\\|") + "`");
    }
    md.append(refusals);
    return md.toString();
  }

  /** ./exercise: each exercise's saves to their verdicts, beside a Maven compile of a chapter. */
  private String exerciseTable() {
    if (results.exercises == null) {
      return "";
    }
    Results.Exercises exercises = results.exercises;
    double maven = Stats.median(exercises.mavenCompileMs());
    StringBuilder md = new StringBuilder();
    md.append("\n### ./exercise: a save to its verdict, in one watcher (line mode)\n\n");
    md.append(
        f(
            "First start on a built tree to the first verdict: median %.0f ms (runs %s). The"
                + " baseline, a Maven compile of counters-app after a save (`./mvnw -o -q -pl"
                + " counters-app compile`, no check at all): median %.0f ms (runs %s). Each save"
                + " follows the last verdict by %s, a learner's pause.%n%n",
            Stats.median(exercises.firstStartMs()),
            runs(exercises.firstStartMs()),
            maven,
            runs(exercises.mavenCompileMs()),
            "1.5 s"));
    Table table =
        new Table(
            "exercise", "median ms", "÷ Maven compile", "failing saves, ms", "passing save, ms");
    for (Results.ExerciseSaves saves : exercises.saves()) {
      double median = Stats.median(saves.allMs());
      table.row(
          saves.exercise(),
          f("%.0f", median),
          f("%.2f", median / maven),
          runs(saves.failingMs()),
          f("%.0f", saves.passingMs()));
    }
    md.append(table);
    return md.toString();
  }

  /**
   * What a user gets on each JDK: counters-app as ./run starts it against plain Javalin, and its
   * start-up beside the tutorial's Python app.
   */
  private String userViewTables() {
    List<Results.Route> routes =
        results.routes.stream().filter(r -> r.kind().equals(UserViewPhase.KIND)).toList();
    List<Results.Startup> starts =
        results.startup.stream().filter(s -> s.launch().equals(UserViewPhase.KIND)).toList();
    if (routes.isEmpty() && starts.isEmpty()) {
      return "";
    }
    StringBuilder md =
        new StringBuilder(
            "\n### What a user gets, per JDK: `./run counters-app` with its defaults (access log and JVM metrics on)\n\n");
    if (!routes.isEmpty()) {
      Table table =
          new Table(
              "route",
              "req/s",
              "p50 ms",
              "plain Javalin `/`, req/s",
              "ratio (target ≥ 0.95)",
              "runs req/s (service; Javalin)");
      for (Results.Route r : routes) {
        table.row(
            "`" + r.route() + "`",
            f("%,.0f", r.service().meanRps()),
            f("%.2f", r.service().p50()),
            f("%,.0f", r.baseline().meanRps()),
            f("%.3f", r.ratio()) + (r.ratio() >= 0.95 ? " met" : " not met"),
            runs(r.service()) + "; " + runs(r.baseline()));
      }
      md.append(table).append("\n");
    }
    if (!starts.isEmpty()) {
      Table table =
          new Table("start-up to the first 200 on `/metrics`", "command", "median ms", "runs ms");
      for (Results.Startup st : starts) {
        table.row(
            st.app(), "`" + st.shell() + "`", f("%.0f", Stats.median(st.ms())), runs(st.ms()));
      }
      md.append(table);
    }
    return md.toString();
  }

  /** histograms-app's route traced and not, and the observation with and without a span. */
  private String tracingTable() {
    List<Results.Route> routes =
        results.routes.stream().filter(r -> r.kind().equals(TracingPhase.KIND)).toList();
    if (routes.isEmpty()) {
      return "";
    }
    Table table =
        new Table(
            "route",
            "req/s",
            "p50 ms",
            "p99 ms",
            "with `TRACING=false`, req/s",
            "p50 ms",
            "p99 ms",
            "ratio",
            "runs req/s (traced; untraced)");
    for (Results.Route r : routes) {
      table.row(
          "`" + r.route() + "`",
          f("%,.0f", r.service().meanRps()),
          f("%.2f", r.service().p50()),
          f("%.2f", r.service().p99()),
          f("%,.0f", r.baseline().meanRps()),
          f("%.2f", r.baseline().p50()),
          f("%.2f", r.baseline().p99()),
          f("%.3f", r.ratio()),
          runs(r.service()) + "; " + runs(r.baseline()) + failures(r));
    }
    StringBuilder md =
        new StringBuilder(
                "\n### Tracing: histograms-app's `/repos/..` as `./run` starts it, traced and not\n\n")
            .append(table);
    String observe =
        update("histogramTimerCached", 1)
            .flatMap(
                plain ->
                    update("histogramTimerInSpan", 1)
                        .map(
                            inSpan ->
                                f(
                                    "\nThe observation alone (JMH, 1 thread): the apps' timer %.1f ns without a span, %.1f ns inside a sampled span (the exemplar sampler reads the span and the clock).\n",
                                    plain.ns(), inSpan.ns())))
            .orElse("");
    return md.append(observe).toString();
  }

  /** Each contender while the API held a thousand calls: the hanging calls' answers, the probes. */
  private String incidentTable() {
    if (results.incidents.isEmpty()) {
      return "";
    }
    Results.Incident first = results.incidents.get(0);
    Table table =
        new Table(
            "contender",
            "command",
            "hanging calls answered",
            "median ms",
            "slowest ms",
            "while they hung");
    for (Results.Incident i : results.incidents) {
      String statuses =
          i.statuses().entrySet().stream()
              .map(e -> e.getValue() + " × " + e.getKey())
              .collect(java.util.stream.Collectors.joining(", "));
      String probes =
          i.probes().stream()
              .map(p -> "`" + p.path() + "` " + p.status() + " in " + f("%.0f", p.ms()) + " ms")
              .collect(java.util.stream.Collectors.joining("; "));
      table.row(
          i.contender(),
          "`" + i.shell() + "`",
          statuses,
          f("%.0f", i.medianMs()),
          f("%.0f", i.slowestMs()),
          probes);
    }
    return "\n### An API incident: "
        + first.calls()
        + " calls held "
        + first.holdSeconds()
        + " s by the repository API, and the scrape meanwhile\n\n"
        + table;
  }

  /** counters-app's tuned start next to the bare servers', measured in alternation. */
  private String floorsTable() {
    Optional<Results.Startup> javalin =
        results.floors.stream().filter(s -> s.app().equals(StartupPhase.FLOOR_JAVALIN)).findFirst();
    if (javalin.isEmpty()) {
      return "";
    }
    double floor = Stats.median(javalin.get().ms());
    Table table =
        new Table(
            "server (tuned launch, own class-data archive)",
            "min ms",
            "median ms",
            "median − bare Javalin",
            "runs ms");
    for (Results.Startup s : results.floors) {
      double median = Stats.median(s.ms());
      table.row(
          s.app(),
          f("%.0f", Stats.min(s.ms())),
          f("%.0f", median),
          f("%+.0f ms", median - floor),
          runs(s.ms()));
    }
    return "\n### Start-up next to bare servers (the floors)\n\n"
        + "`bare Javalin`: Javalin with one route, `/metrics` answering an empty 200, nothing else. "
        + "`bare baseline`: the services' own wiring (settings, error handlers, access log, graceful stop) "
        + "with no metric and JVM metrics off. Started in turn with counters-app, round by round.\n\n"
        + table;
  }

  /** What each tuned setting buys: counters-app with the default launch plus that setting alone. */
  private String settingsTable() {
    List<String> launches = new ArrayList<>();
    results.startup.stream()
        .filter(s -> s.app().equals("counters-app"))
        .forEach(s -> launches.add(s.launch()));
    results.memory.forEach(
        m -> {
          if (!launches.contains(m.launch())) launches.add(m.launch());
        });
    if (launches.isEmpty()) {
      return "";
    }
    Table table =
        new Table(
            "counters-app launch",
            "command",
            "start-up median ms",
            "RSS after start, MB",
            "RSS after load, MB",
            "req/s under load");
    for (String launch : launches) {
      Optional<Results.Startup> startup =
          results.startup.stream()
              .filter(s -> s.app().equals("counters-app") && s.launch().equals(launch))
              .findFirst();
      Optional<Results.Memory> memory =
          results.memory.stream().filter(m -> m.launch().equals(launch)).findFirst();
      String shell =
          startup
              .map(Results.Startup::shell)
              .orElseGet(() -> memory.map(Results.Memory::shell).orElse(""));
      table.row(
          launch.equals("default") || launch.equals("tuned")
              ? "**" + launch + "**"
              : launch.startsWith("tuned") ? launch : "default + " + launch,
          "`" + shell + "`",
          startup.map(s -> f("%.0f", Stats.median(s.ms()))).orElse("–"),
          startup
              .map(s -> f("%.0f", Stats.median(s.rssMb())))
              .orElseGet(() -> memory.map(m -> f("%.0f", m.startMb())).orElse("–")),
          memory.map(m -> f("%.0f", m.afterMb())).orElse("–"),
          memory.map(m -> f("%,.0f", m.rps())).orElse("–"));
    }
    return "\n### What each tuned setting buys (counters-app, the default launch plus one setting)\n\n"
        + "Start-up and RSS after start: the start-up runs; RSS after load and req/s: the memory runs.\n\n"
        + table;
  }

  /** routes.tsv and startup.tsv for benchmarks/chart.gp. */
  void writeChartData(Path out) throws IOException {
    StringBuilder routes = new StringBuilder();
    for (Results.Route r : results.routes) {
      if (!r.kind().equals("metrics-jvm") && !r.kind().equals(TracingPhase.KIND)) {
        // the user's view is against plain Javalin: "vs Javalin" says so
        // "*": /metrics is compared with the bare server's "/"
        String label =
            r.app().replace("-app", "")
                + " "
                + r.route()
                + (r.kind().equals("metrics")
                    ? " *"
                    : r.kind().equals(UserViewPhase.KIND) ? " vs Javalin" : "");
        routes.append(label).append('\t').append(f("%.4f", r.ratio())).append('\n');
      }
    }
    Files.writeString(out.resolve("routes.tsv"), routes);
    StringBuilder startup = new StringBuilder();
    Map<String, double[]> medians = new LinkedHashMap<>();
    for (Results.Startup s : results.startup) {
      // the user's view (./run on each JDK, the Python app) is a tuned-launch column of its own
      // rows
      int column =
          s.launch().equals("default")
              ? 0
              : s.launch().equals("tuned") || s.launch().equals(UserViewPhase.KIND) ? 1 : -1;
      if (column >= 0) {
        medians.computeIfAbsent(s.app(), k -> new double[] {Double.NaN, Double.NaN})[column] =
            Stats.median(s.ms());
      }
    }
    // the floors: tuned only, no default launch to show
    results.floors.stream()
        .filter(s -> !s.app().endsWith("-app"))
        .forEach(s -> medians.put(s.app(), new double[] {Double.NaN, Stats.median(s.ms())}));
    medians.forEach(
        (app, m) ->
            startup
                .append(app)
                .append('\t')
                .append(f("%.0f", m[0]))
                .append('\t')
                .append(f("%.0f", m[1]))
                .append('\n'));
    Files.writeString(out.resolve("startup.tsv"), startup);
    Files.writeString(
        out.resolve("chart-title.txt"), results.run.mode() + " run, " + results.run.started());
  }

  private static String runs(Results.Side side) {
    return String.join(" ", side.rps().stream().map(v -> f("%,.0f", v)).toList());
  }

  private static String runs(List<Double> values) {
    return String.join(" ", values.stream().map(v -> f("%.0f", v)).toList());
  }

  private static String failures(Results.Route r) {
    long failed = r.service().failed() + r.baseline().failed();
    return failed == 0 ? "" : " (" + failed + " failed requests)";
  }

  /** A JMH score and its 99.9% error, which JMH cannot give for fewer than 3 iterations. */
  private static String withError(String format, double score, double error) {
    return Double.isNaN(error) ? f(format, score) : f(format + " ± " + format, score, error);
  }

  private static String f(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }
}
