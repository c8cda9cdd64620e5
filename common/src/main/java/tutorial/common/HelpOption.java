package tutorial.common;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code -h}/{@code --help} flag of every command line in this project, as a picocli mixin. */
public final class HelpOption implements Settings {

  @Override
  public CommandSpec options() {
    return CommandSpec.create()
        .addOption(
            OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help and exit.")
                .build());
  }
}
