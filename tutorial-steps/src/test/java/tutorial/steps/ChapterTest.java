package tutorial.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** chapters.tsv, as the jar carries it, agrees with the modules it names. */
class ChapterTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyChapterIsAModuleOfTheBuildWithItsApp() throws IOException {
    List<Chapter> chapters = Chapter.all();
    String reactor = Files.readString(ROOT.resolve("pom.xml"));

    assertThat(chapters).isNotEmpty();
    assertThat(chapters).extracting(Chapter::module).doesNotHaveDuplicates();
    for (Chapter chapter : chapters) {
      assertThat(reactor).contains("<module>" + chapter.module() + "</module>");
      assertThat(app(chapter)).as(chapter.module()).isRegularFile();
    }
  }

  @Test
  void aChapterCallsTheApiWhenItsAppTakesTheRepositoryClient() throws IOException {
    for (Chapter chapter : Chapter.all()) {
      assertThat(Files.readString(app(chapter)).contains("GitHubClient github"))
          .as("%s calls the API", chapter.module())
          .isEqualTo(chapter.callsApi());
    }
    assertThat(Chapter.all()).anyMatch(Chapter::callsApi).anyMatch(c -> !c.callsApi());
  }

  @Test
  void theJarCarriesTheFileTheScriptsRead() throws IOException {
    List<String> lines =
        Files.readAllLines(ROOT.resolve("chapters.tsv")).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();

    assertThat(Chapter.all())
        .extracting(c -> c.module() + "\t" + c.appClass() + "\t" + (c.callsApi() ? "yes" : "no"))
        .containsExactlyElementsOf(
            lines.stream()
                .map(line -> line.split("\t", 4))
                .map(c -> String.join("\t", c[0], c[1], c[2]))
                .toList());
    // the scripts read four columns: none may be empty
    assertThat(lines).allMatch(line -> line.split("\t", -1).length == 4 && !line.contains("\t\t"));
  }

  @Test
  void aChapterIsFoundByItsModule() {
    Chapter first = Chapter.all().get(0);

    assertThat(Chapter.of(first.module())).isEqualTo(first);
  }

  private static Path app(Chapter chapter) {
    return ROOT.resolve(chapter.module())
        .resolve("src/main/java")
        .resolve(chapter.appClass().replace('.', '/') + ".java");
  }
}
