/**
 * Tracing of the {@code /repos/...} calls with OpenTelemetry, or none: each call a span whose trace
 * id goes back in the {@code traceresponse} header, into the access log and, through client_java,
 * onto the histogram's buckets as an exemplar.
 */
package tutorial.common.tracing;
