package tutorial.common.http;

import io.javalin.http.Context;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets client_java's {@code PrometheusScrapeHandler} answer a Javalin request, so that content
 * negotiation (text, OpenMetrics, protobuf), gzip, {@code name[]} filters and {@code ?debug=} all
 * work exactly as in client_java's own exporters. Modelled on client_java's {@code
 * HttpExchangeAdapter}: a request view, a response view, and a guard against sending twice.
 */
public final class JavalinPrometheusExchange implements PrometheusHttpExchange {

  private static final Logger LOG = LoggerFactory.getLogger(JavalinPrometheusExchange.class);

  private final Context ctx;
  private final Request request = new Request();
  private final Response response = new Response();
  private boolean responseSent;

  public JavalinPrometheusExchange(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public PrometheusHttpRequest getRequest() {
    return request;
  }

  @Override
  public PrometheusHttpResponse getResponse() {
    return response;
  }

  @Override
  public void handleException(IOException e) {
    // A client that hangs up mid-scrape is not a server fault; there is nobody left to answer.
    LOG.debug("metrics scrape aborted: {}", e.toString());
  }

  @Override
  public void handleException(RuntimeException e) {
    if (responseSent) {
      LOG.warn("metrics scrape failed after the response started", e);
      return;
    }
    // Let the service's error mapping turn it into a JSON error (for example 400 for a bad
    // ?debug=).
    throw e;
  }

  @Override
  public void close() {
    // Javalin owns the request's life cycle.
  }

  private final class Request implements PrometheusHttpRequest {
    @Override
    public String getQueryString() {
      return ctx.queryString();
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      Enumeration<String> headers = ctx.req().getHeaders(name);
      return headers != null ? headers : Collections.emptyEnumeration();
    }

    @Override
    public String getMethod() {
      // not ctx.method(): that one honours X-HTTP-Method-Override
      return ctx.req().getMethod();
    }

    @Override
    public String getRequestPath() {
      return ctx.path();
    }
  }

  private final class Response implements PrometheusHttpResponse {
    @Override
    public void setHeader(String name, String value) {
      ctx.header(name, value);
    }

    @Override
    public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength)
        throws IOException {
      if (responseSent) {
        throw new IOException("Cannot send multiple HTTP responses for a single request");
      }
      responseSent = true;
      ctx.status(statusCode);
      if (contentLength > 0) {
        ctx.res().setContentLength(contentLength);
      }
      // The raw servlet stream: the handler gzips by itself, Javalin must not compress again.
      return ctx.res().getOutputStream();
    }
  }
}
