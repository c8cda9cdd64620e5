package tutorial.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a JVM is started: the default launch ({@code TUNED=false ./run}, which is {@code java -jar}),
 * the tuned one ({@code ./run}), or the default one plus some flags, to measure what one setting
 * buys.
 */
record Launch(String name, boolean tuned, List<String> javaOpts) {

  static Launch defaults() {
    return new Launch("default", false, List.of());
  }

  static Launch tunedLaunch() {
    return new Launch("tuned", true, List.of());
  }

  static Launch defaultsPlus(String name, List<String> javaOpts) {
    return new Launch(name, false, javaOpts);
  }

  static Launch tunedPlus(String name, List<String> javaOpts) {
    return new Launch("tuned + " + name, true, javaOpts);
  }

  /** A service, started by {@code ./run} as the README starts it. */
  List<String> serviceCommand(String app, List<String> flags) {
    List<String> command = new ArrayList<>(List.of("./run", app));
    command.addAll(flags);
    return command;
  }

  Map<String, String> env() {
    return Map.of("TUNED", Boolean.toString(tuned), "JAVA_OPTS", String.join(" ", javaOpts));
  }

  /**
   * The baseline, with the JVM flags {@code ./run} gives a service under this launch. It has no
   * class-data archive: that only shortens the start, and the HTTP phase does not time it.
   */
  List<String> baselineCommand(TunedOptions options, Path jar, List<String> flags) {
    return benchmarksCommand(options, jar, "tutorial.benchmarks.BareBaseline", flags);
  }

  /**
   * A main class of the benchmarks jar, with the JVM flags {@code ./run} gives a service under this
   * launch.
   */
  List<String> benchmarksCommand(
      TunedOptions options, Path jar, String mainClass, List<String> flags) {
    List<String> command = new ArrayList<>(List.of("java"));
    if (tuned) {
      command.addAll(options.allFlags());
    }
    command.addAll(javaOpts);
    command.addAll(List.of("-cp", jar.toString(), mainClass));
    command.addAll(flags);
    return command;
  }

  /** The launch as a learner would type it, for the report. */
  String shellForm(String app) {
    String opts = javaOpts.isEmpty() ? "" : "JAVA_OPTS='" + String.join(" ", javaOpts) + "' ";
    return (tuned ? "" : "TUNED=false ") + opts + "./run " + app;
  }
}
