package tutorial.compare;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tutorial.compare.Comparison.FamilyResult;
import tutorial.compare.Comparison.Mark;
import tutorial.compare.Comparison.Result;
import tutorial.compare.Comparison.Row;

/**
 * Writes a comparison as a learner reads it in a terminal: a block per family with its type and
 * help, then its series, one row each, with the value from every scrape in a column of its own.
 * {@code !=} marks a difference, {@code ~} a value that differs from run to run and is not counted.
 * Plain ASCII, so that any terminal and any CI log shows it as written.
 */
final class SideBySide {

  private static final int INDENT = 2;
  private static final int MARKER = 3;
  private static final int MIN_COLUMN = 10;
  private static final String ABSENT = "-";

  private final PrintWriter out;
  private final int width;
  private final int targets;
  private final int labelWidth;
  private final int columnWidth;

  /**
   * {@code shown}: the families that will be written, whose widest series sets the columns, so that
   * a column stays at one place through the whole output.
   */
  SideBySide(PrintWriter out, int width, int targets, List<FamilyResult> shown) {
    this.out = out;
    this.width = width;
    this.targets = targets;
    int longest = "name".length();
    for (FamilyResult family : shown) {
      for (Row row : family.rows()) {
        longest = Math.max(longest, rowLabel(family, row).length());
      }
    }
    int room = width - INDENT - MARKER;
    this.labelWidth = Math.max(8, Math.min(longest + 2, room - targets * MIN_COLUMN));
    this.columnWidth = Math.max(MIN_COLUMN, (room - labelWidth) / targets);
  }

  /**
   * The numbered list of what is compared, which the columns refer to. A title may have more lines
   * than one (a step's name, then its file).
   */
  void legend(List<Scrape> scrapes, List<String> titles) {
    for (int i = 0; i < scrapes.size(); i++) {
      Scrape scrape = scrapes.get(i);
      String note = scrape.note().isEmpty() ? "" : "; " + scrape.note();
      String[] lines = titles.get(i).split("\n");
      out.println(column(i) + " " + lines[0] + "  (" + scrape.format().title() + note + ")");
      for (int more = 1; more < lines.length; more++) {
        out.println("    " + lines[more]);
      }
    }
    out.println();
  }

  void family(FamilyResult result) {
    new Block(result).write();
    out.println();
  }

  /** The closing lines; the first one alone is what {@code --quiet} prints. */
  void summary(Result result, boolean quiet) {
    List<FamilyResult> families = result.families();
    List<String> differing =
        families.stream().filter(f -> !f.same()).map(FamilyResult::key).toList();
    int count = families.size();
    String line =
        count
            + (count == 1 ? " family" : " families")
            + " compared: "
            + (count - differing.size())
            + " same, "
            + differing.size()
            + (differing.size() == 1 ? " differs" : " differ")
            + (differing.isEmpty() ? "." : ": " + String.join(", ", differing));
    out.println(line);
    if (quiet) {
      return;
    }
    if (families.stream().anyMatch(FamilyResult::varies)) {
      out.println(
          "~ marks values that vary from run to run (durations): not compared without --exact.");
    }
    if (result.runtimeLeftOut() > 0) {
      out.println(
          result.runtimeLeftOut()
              + " runtime families ("
              + String.join("*, ", Comparison.RUNTIME_PREFIXES)
              + "*) left out; --all or --name shows them.");
    }
  }

  private static String column(int index) {
    return "[" + (index + 1) + "]";
  }

  /** A series as its row names it: without the labels the family shows once above. */
  private static String rowLabel(FamilyResult family, Row row) {
    Sample sample = row.samples().stream().filter(s -> s != null).findFirst().orElseThrow();
    return sample.name() + sample.labelText(family.commonLabels().keySet());
  }

  /** One family's block. */
  private final class Block {
    private final FamilyResult result;
    private boolean columnsTitled;

    Block(FamilyResult result) {
      this.result = result;
    }

    void write() {
      out.println(title());
      // what all scrapes agree on first, on one line each; then the columns
      boolean anyUnit = result.families().stream().anyMatch(f -> f != null && !f.unit().isEmpty());
      agreed("type", result.type(), Family::type, true);
      agreed("help", result.help(), Family::help, true);
      agreed("unit", result.unit(), Family::unit, anyUnit);
      if (!result.commonLabels().isEmpty()) {
        List<String> labels = new ArrayList<>();
        result.commonLabels().forEach((k, v) -> labels.add(k + "=\"" + Sample.escape(v) + "\""));
        line(pad("labels", 8) + String.join(",", labels) + "  (on every series below)");
      }
      differing("name", result.name(), Family::name);
      differing("type", result.type(), Family::type);
      differing("help", result.help(), Family::help);
      differing("unit", result.unit(), Family::unit);
      for (Row row : result.rows()) {
        List<String> cells = new ArrayList<>();
        for (Sample sample : row.samples()) {
          cells.add(sample == null ? ABSENT : sample.value().text());
        }
        row(rowLabel(result, row), cells, row.mark());
      }
    }

    private String title() {
      List<Integer> missing = result.missingIn();
      String status;
      if (!missing.isEmpty()) {
        StringBuilder where = new StringBuilder("MISSING in");
        missing.forEach(i -> where.append(' ').append(column(i)));
        status = where.toString();
      } else {
        status = result.same() ? "same" : "DIFFERS";
      }
      String start = "--- " + result.key() + " ";
      int dashes = Math.max(3, width - start.length() - status.length() - 1);
      return start + "-".repeat(dashes) + " " + status;
    }

    private void agreed(String what, Mark mark, Function<Family, String> part, boolean show) {
      if (mark == Mark.SAME && show) {
        String value =
            result.families().stream().filter(f -> f != null).map(part).findFirst().orElse("");
        line(pad(what, 8) + (value.isEmpty() ? "(none)" : value));
      }
    }

    private void differing(String what, Mark mark, Function<Family, String> part) {
      if (mark == Mark.SAME) {
        return;
      }
      List<String> cells = new ArrayList<>();
      for (Family family : result.families()) {
        cells.add(family == null ? ABSENT : part.apply(family));
      }
      row(what, cells, Mark.DIFFERS);
    }

    /** A row in columns, or one line per scrape when a value is too wide for its column. */
    private void row(String label, List<String> cells, Mark mark) {
      titleColumns();
      boolean fits = cells.stream().allMatch(c -> c.length() < columnWidth);
      if (!fits) {
        line(pad(label, width - INDENT - MARKER) + marker(mark));
        for (int i = 0; i < cells.size(); i++) {
          line("    " + column(i) + " " + cells.get(i));
        }
        return;
      }
      if (label.length() >= labelWidth) {
        line(label);
        label = "";
      }
      StringBuilder text = new StringBuilder(pad(label, labelWidth));
      for (String cell : cells) {
        text.append(pad(cell, columnWidth));
      }
      line(pad(text.toString(), labelWidth + targets * columnWidth) + marker(mark));
    }

    private void titleColumns() {
      if (columnsTitled) {
        return;
      }
      columnsTitled = true;
      StringBuilder text = new StringBuilder(" ".repeat(labelWidth));
      for (int i = 0; i < targets; i++) {
        text.append(pad(column(i), columnWidth));
      }
      line(text.toString());
    }

    private String marker(Mark mark) {
      return switch (mark) {
        case SAME -> "";
        case VARIES -> "  ~";
        case DIFFERS -> " !=";
      };
    }

    private void line(String text) {
      out.println((" ".repeat(INDENT) + text).stripTrailing());
    }
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
