/**
 * The HTTP kit around an app's routes: the Javalin server and its connector ({@link
 * tutorial.common.http.ServiceServer}), {@code /metrics} on client_java's exchange ({@link
 * tutorial.common.http.JavalinPrometheusExchange}) and its login ({@link
 * tutorial.common.http.MetricsAccess}), the JSON errors, the access log, the graceful stop, and the
 * message for a port already in use.
 */
package tutorial.common.http;
