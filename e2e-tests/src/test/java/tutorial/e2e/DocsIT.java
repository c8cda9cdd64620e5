package tutorial.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import tutorial.common.TutorialApp;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.counters.CountersApp;
import tutorial.custommetrics.CustomMetricsApp;
import tutorial.drill.DrillCommand;
import tutorial.gauges.GaugesApp;
import tutorial.histograms.Buckets;
import tutorial.histograms.HistogramsApp;
import tutorial.summaries.Quantiles;
import tutorial.summaries.SummariesApp;
import tutorial.testkit.JarProcess;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/**
 * The docs are kept true by the code, as a Go testable example is: every scrape output a README or
 * docs page shows is a tutorial step's expected scrape (the files the golden-file tests hold true),
 * or, for the runtime metrics, what a service started as {@code ./run} starts it answers; and every
 * chapter's steps, replayed in order against a fresh service, answer what the chapter says they
 * answer.
 */
class DocsIT {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  static final List<String> CHAPTER_HEADINGS =
      List.of(
          "What the chapter teaches",
          "Start it",
          "The tutorial's steps",
          "How Java's output differs from Python's",
          "Do it yourself",
          "Tests");

  /** The histogram chapter's sequel, a docs page: exemplars, on a traced service. */
  static final String EXEMPLARS = "docs/exemplars.md";

  /**
   * The chapters' modules, each with how its app is built for a replay of its steps; the two that
   * call the repository API as {@code OFFLINE=true} starts them, as their READMEs do.
   */
  static final Map<String, Function<PrometheusRegistry, TutorialApp>> CHAPTERS =
      Map.of(
          "counters-app", CountersApp::new,
          "gauges-app", GaugesApp::new,
          "histograms-app", registry -> histograms(registry, "--buckets=python"),
          "summaries-app",
              registry ->
                  new SummariesApp(
                      registry,
                      offline(),
                      TestSettings.parse(new Quantiles(), "--quantiles=false")),
          "custom-metrics-app", CustomMetricsApp::new);

  /** The histogram chapter's second start: its own steps, with the tutorial's own buckets. */
  static final String TUTORIAL_BUCKETS = "The tutorial's own buckets";

  private static TutorialApp histograms(PrometheusRegistry registry, String buckets) {
    return new HistogramsApp(registry, offline(), TestSettings.parse(new Buckets(), buckets));
  }

  /** The embedded stand-in, with the tutorial's own times for the first three calls. */
  private static GitHubClient offline() {
    return GitHubClient.connect(
        TestSettings.upstream("http://127.0.0.1:9", "--offline=true", "--stand-in-latency=true"),
        Tracing.off());
  }

  private static Stream<Markdown> pages() {
    return Markdown.pages(REPO).stream().map(Markdown::read);
  }

  @TestFactory
  Stream<DynamicTest> everyScrapeShownIsATutorialStepOrWhatTheServiceAnswers() {
    return pages()
        .flatMap(
            page ->
                page.blocks().stream()
                    .flatMap(
                        block -> ShownScrape.in(block).stream().map(s -> check(page, block, s))));
  }

  private static DynamicTest check(Markdown page, Markdown.Block block, ShownScrape scrape) {
    String where = page.where(block);
    return DynamicTest.dynamicTest(
        where,
        () -> {
          assertThat(scrape.foreignLines())
              .as("%s: lines that a scrape does not print", where)
              .isEmpty();
          if (scrape.isRuntimeOnly()) {
            RuntimeScrape.assertShapeMatchesRun(where, scrape);
            return;
          }
          Optional<ShownScrape.StepMatch> step = scrape.step();
          assertThat(step)
              .as(
                  "%s shows a scrape that is no tutorial step's (tutorial-steps/src/main/resources/"
                      + "tutorial/steps/): a changed number, name or label?%n%s",
                  where, String.join("\n", scrape.lines()))
              .isPresent();
          assertThat(scrape.impossibilities())
              .as("%s: numbers no scrape can show", where)
              .isEmpty();
        });
  }

  @TestFactory
  Stream<DynamicTest> eachChaptersStepsAnswerAsItsReadmeSays() {
    Stream<DynamicTest> chapters =
        CHAPTERS.keySet().stream()
            .sorted()
            .map(
                module ->
                    DynamicTest.dynamicTest(
                        module,
                        () -> replay(module, "The tutorial's steps", CHAPTERS.get(module))));
    DynamicTest tutorialBuckets =
        DynamicTest.dynamicTest(
            "histograms-app, " + TUTORIAL_BUCKETS,
            () ->
                replay(
                    "histograms-app",
                    TUTORIAL_BUCKETS,
                    registry -> histograms(registry, "--buckets=tutorial")));
    return Stream.concat(chapters, Stream.of(tutorialBuckets));
  }

  /**
   * Replays the curl lines of the chapter's steps in order against a fresh service, and checks each
   * answer the page shows: a {@code # → } comment, or a scrape block right after the scrape's curl.
   */
  private static void replay(
      String module, String section, Function<PrometheusRegistry, TutorialApp> app) {
    Markdown page = Markdown.read(REPO.resolve(module).resolve("README.md"));
    List<Markdown.Block> steps =
        page.blocks().stream()
            .filter(b -> b.section().equals(section) || b.subsection().equals(section))
            .toList();
    assertThat(steps).as("%s/README.md: the blocks of %s", module, section).isNotEmpty();
    int checked = 0;
    try (RunningService service = RunningService.start(app)) {
      checked =
          replay(
              page,
              steps,
              service,
              UnaryOperator.identity(),
              block -> ShownScrape.in(block).isPresent(),
              (where, block, scrape) -> {
                Optional<ShownScrape.StepMatch> step = ShownScrape.in(block).orElseThrow().step();
                assertThat(step).as("%s: no tutorial step", where).isPresent();
                assertThat(ShownScrape.sameAsStep(step.get(), scrape.lines().toList()))
                    .as(
                        "%s: the service answers, at this point of the steps,%n%s%ninstead of step"
                            + " %s",
                        where, scrape, step.get().step())
                    .isTrue();
              });
    }
    assertThat(checked)
        .as("%s/README.md, %s: answers shown and checked", module, section)
        .isPositive();
  }

  /**
   * The exemplars page, replayed against a traced histograms-app whose stand-in API answers after
   * 280 ms: each {@code # → } answer and each {@code openmetrics} block after a scrape must be what
   * the service answers, but for the numbers and ids that differ in every run (a span id, an
   * exemplar's value and timestamp, a _sum, a _created); the trace id that the steps send is kept.
   */
  @Test
  void theExemplarsSectionAnswersAsATracedServiceDoes() {
    Markdown page = Markdown.read(REPO.resolve(EXEMPLARS));
    List<Markdown.Block> blocks = page.blocks();
    int checked = 0;
    try (Tracing tracing = Tracing.start();
        RepositoryApi api = RepositoryApi.startAnsweringAfter(RepositoryApi.TUTORIALS_RUN);
        RunningService service =
            RunningService.start(
                registry ->
                    new HistogramsApp(
                        registry,
                        api.client(tracing),
                        TestSettings.parse(new Buckets(), "--buckets=python"),
                        tracing))) {
      Services.warmUp(api);
      checked =
          replay(
              page,
              blocks,
              service,
              DocsIT::withoutRunNumbers,
              block -> block.language().equals("openmetrics"),
              (where, block, scrape) ->
                  assertThat(withoutRunNumbers(String.join("\n", block.lines()).strip()))
                      .as("%s: the service answers%n%s", where, scrape)
                      .isEqualTo(withoutRunNumbers(scrape.strip())));
    }
    assertThat(checked).as("%s: answers checked", EXEMPLARS).isGreaterThanOrEqualTo(2);
  }

  /** What differs in every run of the exemplars page, as placeholders. */
  static String withoutRunNumbers(String text) {
    return text.replaceAll("span_id=\"[0-9a-f]{16}\"", "span_id=\"<SPAN_ID>\"")
        .replaceAll("(00-[0-9a-f]{32})-[0-9a-f]{16}-", "$1-<SPAN_ID>-")
        .replaceAll("(?m)( # \\{[^}]*}) \\S+ \\S+$", "$1 <NUMBER> <NUMBER>")
        .replaceAll("(?m)^(\\w+_(sum|created)\\{[^}]*}) \\S+$", "$1 <NUMBER>");
  }

  /** How a replay checks a scrape block against the scrape of the curl before it. */
  interface ScrapeCheck {
    void check(String where, Markdown.Block block, String scrape);
  }

  /**
   * Replays the curl lines of {@code blocks} in order against {@code service}; checks each answer
   * written after {@code # → } (both sides through {@code runNumbers}) and each scrape block right
   * after the curl that makes the scrape. Returns how many it checked.
   */
  private static int replay(
      Markdown page,
      List<Markdown.Block> blocks,
      RunningService service,
      UnaryOperator<String> runNumbers,
      Predicate<Markdown.Block> isScrapeBlock,
      ScrapeCheck scrapeCheck) {
    int checked = 0;
    String lastScrape = null;
    for (Markdown.Block block : blocks) {
      if (isScrapeBlock.test(block)) {
        assertThat(lastScrape)
            .as("%s: a scrape shown without the curl that makes it before it", page.where(block))
            .isNotNull();
        scrapeCheck.check(page.where(block), block, lastScrape);
        checked++;
        lastScrape = null;
        continue;
      }
      if (!block.language().equals("bash")) {
        continue;
      }
      for (String line : block.lines()) {
        if (line.contains(":9090")) {
          continue; // a query to Prometheus, shown with a real run's answer
        }
        Optional<Curl> curl = Curl.parse(line);
        if (curl.isEmpty()) {
          continue;
        }
        String answer = curl.get().shown(call(service, curl.get()));
        if (curl.get().answer().isPresent()) {
          assertThat(runNumbers.apply(answer))
              .as("%s: %s", page.where(block), line.strip())
              .isEqualTo(runNumbers.apply(curl.get().answer().get()));
          checked++;
        }
        lastScrape = curl.get().isScrape() ? answer : null;
      }
    }
    return checked;
  }

  private static Reply call(RunningService service, Curl curl) {
    Request.Builder request = new Request.Builder().url(service.url(curl.pathAndQuery()));
    for (String header : curl.headers()) {
      int colon = header.indexOf(':');
      request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    request.method(
        curl.method(), curl.method().equals("POST") ? RequestBody.create(new byte[0]) : null);
    return service.send(request.build());
  }

  /** docs/drills.md lists the drills as {@code ./drill --list} does; DrillsIT checks their runs. */
  @Test
  void theDrillsPageListsTheDrillsAsDrillDoes() {
    Markdown page = Markdown.read(REPO.resolve("docs").resolve("drills.md"));
    Markdown.Block shown =
        page.blocks().stream().filter(b -> b.language().equals("text")).findFirst().orElseThrow();
    StringWriter out = new StringWriter();
    CommandLine drill = DrillCommand.commandLine();
    drill.setOut(new PrintWriter(out, true));

    assertThat(drill.execute("--list")).isZero();
    assertThat(shown.lines()).as(page.where(shown)).isEqualTo(out.toString().lines().toList());
  }

  @Test
  void everyChapterReadmeHasTheSameHeadingsInTheSameOrder() {
    for (String module : CHAPTERS.keySet()) {
      Markdown page = Markdown.read(REPO.resolve(module).resolve("README.md"));
      List<String> sections =
          page.headings().stream()
              .filter(h -> h.level() == 2)
              .map(Markdown.Heading::title)
              .toList();
      assertThat(sections).as("%s/README.md", module).isEqualTo(CHAPTER_HEADINGS);
    }
  }

  @Test
  void theReadmeIsAnIndexThatReachesEveryChapterInOneClick() throws Exception {
    Markdown readme = Markdown.read(REPO.resolve("README.md"));

    assertThat(Files.size(readme.file())).as("README.md in bytes").isLessThanOrEqualTo(10_000);
    assertThat(readme.relativeLinks())
        .as("README.md links")
        .contains(CHAPTERS.keySet().stream().map(m -> m + "/README.md").toArray(String[]::new));
  }

  @Test
  void everyLinkBetweenTheDocsLeadsToAFile() {
    List<String> broken = new ArrayList<>();
    pages()
        .forEach(
            page -> {
              for (String link : page.relativeLinks()) {
                Path target =
                    page.file().getParent().resolve(link.replaceFirst("#.*", "")).normalize();
                if (!Files.exists(target)) {
                  broken.add(REPO.relativize(page.file()) + " -> " + link);
                }
              }
            });
    assertThat(broken).isEmpty();
  }

  @Test
  void theTopologyPictureIsDrawnFromItsSourceAndShowsTheShippedPorts() throws IOException {
    Path pictures = REPO.resolve("docs/pictures");
    String source = Files.readString(pictures.resolve("topology.dot"));
    List<String> drawn = svgTexts(Files.readString(pictures.resolve("topology.svg")));

    // every line of every label of the source is in the picture: it was drawn from this source
    List<String> labelLines = new ArrayList<>();
    Matcher label = Pattern.compile("label=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(source);
    while (label.find()) {
      for (String line : label.group(1).replace("\\\"", "\"").split("\\\\n")) {
        labelLines.add(oneSpaced(line));
      }
    }
    assertThat(labelLines).hasSizeGreaterThan(20);
    assertThat(drawn).as("docs/pictures/topology.svg: run topology.sh").containsAll(labelLines);

    // and it shows every port and region that the shipped configs of the topology use
    Path topology = PrometheusFolder.dir().resolve("topology");
    StringBuilder configs = new StringBuilder();
    try (Stream<Path> files = Files.list(topology)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        configs.append(Files.readString(file));
        Matcher agent = Pattern.compile("agent-(.+)\\.yml").matcher(file.getFileName().toString());
        if (agent.matches()) {
          assertThat(source)
              .contains("Prometheus agent " + agent.group(1), "region=" + agent.group(1));
        }
      }
    }
    Matcher address = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(configs);
    int ports = 0;
    while (address.find()) {
      assertThat(source).as("the picture's ports").contains(":" + address.group(1));
      ports++;
    }
    assertThat(ports).isGreaterThanOrEqualTo(6);
  }

  /** The text lines of a Graphviz SVG, with its character references decoded. */
  private static List<String> svgTexts(String svg) {
    List<String> texts = new ArrayList<>();
    Matcher text = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
    while (text.find()) {
      Matcher reference = Pattern.compile("&#(\\d+);").matcher(text.group(1));
      StringBuilder decoded = new StringBuilder();
      while (reference.find()) {
        reference.appendReplacement(
            decoded,
            Matcher.quoteReplacement(Character.toString(Integer.parseInt(reference.group(1)))));
      }
      reference.appendTail(decoded);
      texts.add(
          oneSpaced(
              decoded
                  .toString()
                  .replace("&lt;", "<")
                  .replace("&gt;", ">")
                  .replace("&quot;", "\"")
                  .replace("&amp;", "&")));
    }
    return texts;
  }

  /** Graphviz writes a run of spaces as a space and no-break spaces. */
  private static String oneSpaced(String text) {
    return text.replaceAll("[\\s\u00a0]+", " ");
  }

  /** The runtime families, as {@code ./run} starts a service: its tuned JVM settings. */
  static final class RuntimeScrape {

    private static String scrape;

    private RuntimeScrape() {}

    /** The same lines with the same names and labels as a live scrape; numbers differ by run. */
    static void assertShapeMatchesRun(String where, ShownScrape shown) {
      List<String> live = live().lines().toList();
      List<String> doc = shown.lines();
      assertThat(doc.stream().map(RuntimeScrape::shape).toList())
          .as(
              "%s: the runtime metrics of a service started with ./run are%n%s",
              where, String.join("\n", live))
          .isSubsetOf(live.stream().map(RuntimeScrape::shape).toList());
    }

    private static String shape(String line) {
      return line.startsWith("#") ? line : line.replaceAll(" \\S+$", " <NUMBER>");
    }

    private static synchronized String live() {
      if (scrape == null) {
        scrape = scrapeTunedCountersApp();
      }
      return scrape;
    }

    /** counters-app as {@code ./run} starts it, with the settings of {@code tuned-jvm.options}. */
    private static String scrapeTunedCountersApp() {
      Path jar = Services.jar("counters-app");
      List<String> tuned = List.of("@" + REPO.resolve("tuned-jvm.options"));
      try (JarProcess service =
          JarProcess.start(tuned, jar, REPO, Map.of(), "--port=0", "--host=127.0.0.1")) {
        int port = service.awaitPort(Duration.ofSeconds(60));
        Request request =
            new Request.Builder().url("http://127.0.0.1:" + port + "/metrics").build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
          return response.body().string();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
