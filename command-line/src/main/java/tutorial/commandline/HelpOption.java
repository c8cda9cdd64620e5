package tutorial.commandline;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code -h}/{@code --help} flag of every command line in this project. */
public final class HelpOption {

  private HelpOption() {}

  /** Adds the flag to {@code command}, as a mixin named "help", listed last. */
  public static void addTo(CommandSpec command) {
    command.addMixin(
        "help",
        CommandSpec.create()
            .addOption(
                OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help and exit.")
                    .build()));
  }
}
