package tutorial.common.tracing;

import io.javalin.http.Handler;
import java.util.List;
import okhttp3.Interceptor;

/**
 * How a service traces its {@code /repos/...} calls: with OpenTelemetry ({@link #start()}), each
 * call a span whose trace id goes back in the {@code traceresponse} header, into the access log
 * and, through client_java, onto the histogram's bucket as an exemplar; or not at all ({@link
 * #off()}).
 */
public interface Tracing extends AutoCloseable {

  /** The answer's header with the trace: {@code 00-<trace id>-<span id>-<flags>}. */
  String RESPONSE_HEADER = "traceresponse";

  /** The W3C Trace Context version that {@link #RESPONSE_HEADER} is written in. */
  String VERSION = "00";

  /** The trace id in a {@link #RESPONSE_HEADER} value, or null if the value is none. */
  static String traceId(String traceResponse) {
    int start = VERSION.length() + 1;
    int end = start + 32;
    return traceResponse != null && traceResponse.length() > end && traceResponse.charAt(end) == '-'
        ? traceResponse.substring(start, end)
        : null;
  }

  /** Tracing with the OpenTelemetry SDK, its spans written to the log. */
  static Tracing start() {
    return OtelTracing.start();
  }

  /** No tracing: routes run as they are, and nothing is propagated. */
  static Tracing off() {
    return NoTracing.INSTANCE;
  }

  boolean isOn();

  /** {@code route}, each of its calls in a server span of its own trace, or as it is. */
  Handler traced(Handler route);

  /** For an OkHttp client: each call in a span of the current trace, its context sent on. */
  List<Interceptor> callInterceptors();

  /** Writes the spans still waiting, and stops. */
  @Override
  void close();
}
