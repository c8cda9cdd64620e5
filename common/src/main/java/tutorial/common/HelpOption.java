package tutorial.common;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} flag of every command line in this project, as a picocli mixin. */
public final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean requested;
}
