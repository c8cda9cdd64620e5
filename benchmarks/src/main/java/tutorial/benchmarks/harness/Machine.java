package tutorial.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the numbers were measured on: CPU, memory, kernel, the JDK and the tools. */
final class Machine {

  private Machine() {}

  static List<String> describe() {
    List<String> lines = new ArrayList<>();
    String cpu = grep("/proc/cpuinfo", "model name").orElse("unknown CPU");
    lines.add(
        "machine: "
            + cpu
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + grep("/proc/meminfo", "MemTotal").map(Machine::toGb).orElse("?")
            + " memory, Linux "
            + read("/proc/sys/kernel/osrelease"));
    lines.add("java (services and JMH forks): " + firstLines(List.of("java", "-version"), 3));
    lines.add("wrk: " + firstLines(List.of("wrk", "-v"), 1));
    return lines;
  }

  static String loadAverage() {
    String[] fields = read("/proc/loadavg").split("\\s+");
    return fields.length >= 3
        ? fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)"
        : "?";
  }

  private static java.util.Optional<String> grep(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static String toGb(String memTotal) {
    return String.format(
        "%.0f GB", Long.parseLong(memTotal.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  private static String firstLines(List<String> command, int count) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return String.join("; ", out.lines().limit(count).toList());
    } catch (IOException e) {
      return "not found";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
