/**
 * The settings every service shares ({@code PORT}, {@code HOST}, the access log, the JVM metrics,
 * the stop timeout, the scrape's login), and the parse of a service's command line. The way to
 * declare them is the command-line module's, which the tools use too.
 */
package tutorial.common.settings;
