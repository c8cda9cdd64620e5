/**
 * The HTTP kit around an app's routes: the Javalin server and its connector ({@link
 * tutorial.common.http.ServiceServer}), {@code /metrics} on client_java's exchange ({@link
 * tutorial.common.http.JavalinPrometheusExchange}) and its login ({@link
 * tutorial.common.http.MetricsAccess}), the JSON errors, the access log, the graceful stop, and the
 * message for a port already in use.
 *
 * <p>The access log is written by a writer of its own, not by Jetty's {@code CustomRequestLog} and
 * {@code AsyncRequestLogWriter}, which can write the same line: measured in the same run, Jetty's
 * cost the route more than 1 % of its throughput (the figures are in BENCHMARKS.md, "Kept after a
 * same-run measurement").
 */
package tutorial.common.http;
