package tutorial.commandline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * How every command of this project reads its command line: the settings, {@code --help}, and one
 * line on stderr with exit status 2 for a bad flag or variable, never a stack trace.
 */
public final class CommandLines {

  /** The variable an option's description names, as {@code --help} shows it: "(env PORT, ...". */
  private static final Pattern ENV = Pattern.compile("\\(env ([A-Za-z_][A-Za-z0-9_]*)");

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
    } catch (ParameterException e) {
      exit(refusal(name, describe(e)), 2);
      return false;
    } catch (IllegalArgumentException e) {
      exit(refusal(name, e.getMessage()), 2);
      return false;
    }
  }

  /**
   * The one line that refuses a setting: the command, what is wrong, and where to read what is
   * allowed.
   */
  public static String refusal(String name, String problem) {
    String line = problem.strip().replaceAll("\\s*\\R\\s*", "; ");
    return name
        + ": "
        + line
        + (line.endsWith(".") ? "" : ".")
        + " Try '"
        + name
        + " --help'"
        + " for the settings.";
  }

  /**
   * picocli's message, with the environment variable that the option reads beside the option's
   * name: a learner who set {@code PORT=99999} did not write {@code --port}.
   */
  public static String describe(ParameterException e) {
    String message = e.getMessage();
    if (e.getArgSpec() instanceof OptionSpec option) {
      Matcher variable = ENV.matcher(String.join(" ", option.description()));
      String quoted = "'" + option.longestName() + "'";
      if (variable.find() && message.contains(quoted)) {
        message = message.replace(quoted, quoted + " (env " + variable.group(1) + ")");
      }
    }
    return message;
  }

  /**
   * A usage error of a command run through {@link CommandLine#execute}: one line on its stderr, as
   * {@link #refusal} words it, and exit status {@code status}.
   */
  public static void refuseUsageErrors(CommandLine commandLine, String name, int status) {
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine().getErr().println(refusal(name, describe(e)));
          return status;
        });
  }

  /** Prints {@code message} on stderr and ends the process with {@code status}. */
  public static void exit(String message, int status) {
    System.err.println(message);
    System.exit(status);
  }
}
