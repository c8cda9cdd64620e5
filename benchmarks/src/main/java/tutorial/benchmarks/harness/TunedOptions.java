package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tuned launch's JVM settings, read from the same file {@code ./run} hands to {@code java}
 * ({@code tuned-jvm.options} at the root). Each block of the file, a comment line "# name: why"
 * followed by its flags, is one setting, which the harness measures on its own.
 */
record TunedOptions(List<Setting> settings) {

  static final String FILE = "tuned-jvm.options";

  /** One block of the file: its name and its flags. */
  record Setting(String name, List<String> flags) {}

  static TunedOptions read(Path root) throws IOException {
    List<Setting> settings = new ArrayList<>();
    String name = null;
    List<String> flags = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve(FILE))) {
      String text = line.strip();
      if (text.isEmpty()) {
        if (!flags.isEmpty()) {
          settings.add(new Setting(name, List.copyOf(flags)));
        }
        name = null;
        flags.clear();
      } else if (text.startsWith("#")) {
        int colon = text.indexOf(':');
        if (name == null && flags.isEmpty() && colon > 1) {
          name = text.substring(1, colon).strip();
        }
      } else {
        flags.addAll(List.of(text.split("\\s+")));
      }
    }
    if (!flags.isEmpty()) {
      settings.add(new Setting(name, List.copyOf(flags)));
    }
    return new TunedOptions(List.copyOf(settings));
  }

  List<String> allFlags() {
    return settings.stream().flatMap(s -> s.flags().stream()).toList();
  }
}
