/**
 * The command line of every service and tool in this project, without any server: settings declared
 * in code as picocli options whose defaults read an environment variable ({@link
 * tutorial.commandline.Settings}), {@code --help}, durations as people write them, and one line on
 * stderr with exit status 2 for a bad flag or variable ({@link tutorial.commandline.CommandLines}).
 */
package tutorial.commandline;
