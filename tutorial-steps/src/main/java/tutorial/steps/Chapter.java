package tutorial.steps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A chapter of the tutorial, one service: its module, the class of its app, and whether it calls
 * the repository API. The chapters are listed once, in {@code chapters.tsv} at the repository's
 * root, which the scripts read as it is and which ships in this jar as {@code
 * /tutorial/chapters.tsv}, so the suite and the benchmark harness need no source checkout.
 */
public record Chapter(String module, String appClass, boolean callsApi) {

  private static final String RESOURCE = "/tutorial/chapters.tsv";

  /** Every chapter, in the tutorial's order. */
  public static List<Chapter> all() {
    try (InputStream in = Chapter.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the class path");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chapter of {@code module}, such as the one the benchmarks measure first. */
  public static Chapter of(String module) {
    return all().stream()
        .filter(chapter -> chapter.module().equals(module))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no chapter " + module + " in " + RESOURCE));
  }

  /**
   * The lines of {@code chapters.tsv} that are not comments: the module, the app's class, "yes" or
   * "no" for the API, then what only the scripts read.
   */
  private static List<Chapter> parse(BufferedReader lines) throws IOException {
    List<Chapter> chapters = new ArrayList<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      if (columns.length < 3 || !columns[2].matches("yes|no")) {
        throw new IllegalStateException(
            RESOURCE + ": not 'module<TAB>app<TAB>yes|no<TAB>...': " + line);
      }
      chapters.add(new Chapter(columns[0], columns[1], columns[2].equals("yes")));
    }
    return List.copyOf(chapters);
  }
}
