/**
 * What makes a service's start short, and nothing else: a learner's first scrape comes sooner, and
 * no behaviour changes. Each class does one piece of set-up off the main thread, or skips one that
 * gives a known answer:
 *
 * <ul>
 *   <li>{@link tutorial.common.startup.StartupWarmUp}: set-up that needs no settings, begun on the
 *       second core while the main thread parses the command line;
 *   <li>{@link tutorial.common.startup.RuntimeMetrics}: the JVM and process collectors, built and
 *       first collected on another thread, less the native-memory one that asks the JVM a slow
 *       question for nothing;
 *   <li>{@link tutorial.common.startup.JettyTuning}: Jetty's cache-line probe, which starts the
 *       JVM's whole platform MBean server for an answer known in advance.
 * </ul>
 *
 * <p>The warm-up thread was measured again once {@code ./run} mapped an AOT cache or a class-data
 * archive: it still shortens a start on JDK 17 and on JDK 25, so it stays.
 *
 * <p>What each one saves, and how it was measured (profiles, alternated starts against the build
 * without it), is in BENCHMARKS.md, "Where the start-up goes, and the floor under it": a figure in
 * a comment would go stale with the next JDK or library.
 */
package tutorial.common.startup;
