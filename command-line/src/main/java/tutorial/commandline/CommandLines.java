package tutorial.commandline;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How every command of this project reads its command line: the settings, {@code --help}, and one
 * line on stderr with exit status 2 for a bad flag or variable, never a stack trace.
 */
public final class CommandLines {

  private CommandLines() {}

  /**
   * Parses {@code args} into {@code commandLine}'s settings, then runs {@code check} on them; after
   * {@code --help} prints the usage and returns false. A bad flag or variable, or a check that
   * throws {@link IllegalArgumentException}, is one line on stderr and exit status 2.
   */
  public static boolean parseOrExit(
      String name, CommandLine commandLine, String[] args, Runnable check) {
    try {
      commandLine.parseArgs(args);
      if (commandLine.isUsageHelpRequested()) {
        commandLine.usage(System.out);
        return false;
      }
      check.run();
      return true;
    } catch (ParameterException | IllegalArgumentException e) {
      exit(name + ": " + e.getMessage() + "\nTry '" + name + " --help' for the settings.", 2);
      return false;
    }
  }

  /** Prints {@code message} on stderr and ends the process with {@code status}. */
  public static void exit(String message, int status) {
    System.err.println(message);
    System.exit(status);
  }
}
