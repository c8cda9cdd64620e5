package tutorial.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Just enough of a Markdown page for the docs test: its fenced blocks, headings and links. */
record Markdown(Path file, String text, List<Block> blocks, List<Heading> headings) {

  /** A fenced block: its language (may be empty), its lines, and where it starts (1-based). */
  /** A fenced block, with the level-2 heading it stands under and the level-3 one, if any. */
  record Block(String language, List<String> lines, int line, String section, String subsection) {}

  record Heading(int level, String title, int line) {}

  private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*)\\s*$");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*$");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  static Markdown read(Path file) {
    try {
      return parse(file, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Markdown parse(Path file, String text) {
    List<Block> blocks = new ArrayList<>();
    List<Heading> headings = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String section = "";
    String subsection = "";
    for (int i = 0; i < lines.length; i++) {
      Matcher fence = FENCE.matcher(lines[i]);
      if (fence.matches()) {
        int start = i + 1;
        List<String> body = new ArrayList<>();
        for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
          body.add(lines[i]);
        }
        blocks.add(new Block(fence.group(1), body, start, section, subsection));
        continue;
      }
      Matcher heading = HEADING.matcher(lines[i]);
      if (heading.matches()) {
        headings.add(new Heading(heading.group(1).length(), heading.group(2), i + 1));
        if (heading.group(1).length() == 2) {
          section = heading.group(2);
          subsection = "";
        } else if (heading.group(1).length() == 3) {
          subsection = heading.group(2);
        }
      }
    }
    return new Markdown(file, text, blocks, headings);
  }

  /** The targets of the page's links that point into the repository (not http, not mailto). */
  List<String> relativeLinks() {
    String outsideBlocks = text.replaceAll("(?s)```.*?```", "");
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(outsideBlocks);
    while (m.find()) {
      String target = m.group(1);
      if (!target.matches("^[a-z]+:.*") && !target.startsWith("#")) {
        links.add(target);
      }
    }
    return links;
  }

  /** Every README and docs page of the repository, build output left out. */
  static List<Path> pages(Path repo) {
    try (Stream<Path> files = Files.walk(repo)) {
      return files
          .filter(f -> f.toString().endsWith(".md"))
          .filter(
              f -> !repo.relativize(f).toString().matches("(^|.*/)(target|node_modules|\\..*)/.*"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The block's place, as a path from the repository's root and a line number. */
  String where(Block block) {
    return DocsIT.REPO.relativize(file.toAbsolutePath().normalize()) + " line " + block.line();
  }
}
