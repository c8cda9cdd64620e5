package tutorial.exercise;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tutorial.compare.Format;
import tutorial.compare.Scrape;
import tutorial.compare.ScrapeReader;
import tutorial.compare.TargetException;

/**
 * Drives a running service over HTTP, as a learner's curl lines do, and reads its scrape through
 * {@code ./compare}'s reader. Every request is bounded, so a route that loops forever is a reason
 * within seconds, never a hung checker.
 */
final class Probe implements AutoCloseable {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

  /** An answer, read whole. */
  record Answer(int status, String body, String header) {

    /** The body's first line, shortened: enough to name an error page. */
    String firstLine() {
      String line = body.strip().lines().findFirst().orElse("");
      return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
  }

  private final HttpUrl base;
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(REQUEST_TIMEOUT)
          .callTimeout(REQUEST_TIMEOUT)
          .retryOnConnectionFailure(false)
          .build();
  private final ScrapeReader reader = new ScrapeReader(null);

  Probe(HttpUrl base) {
    this.base = base;
  }

  /** {@code host:port} or {@code http://host:port}; null if it is neither. */
  static HttpUrl baseOf(String target) {
    HttpUrl url = HttpUrl.parse(target.contains("://") ? target : "http://" + target);
    return url == null ? null : url.newBuilder().encodedPath("/").build();
  }

  String where() {
    return base.host() + ":" + base.port();
  }

  Answer get(String path) throws Fault {
    return call("GET", path, null, null);
  }

  Answer post(String path) throws Fault {
    return call("POST", path, null, null);
  }

  /** {@code GET path}, answered with the value of {@code header}. */
  Answer getWithHeader(String path, String header) throws Fault {
    return call("GET", path, null, header);
  }

  /**
   * The service's scrape in {@code format}, with the {@code _created} series left out as {@code
   * ./compare} leaves them out.
   */
  Scrape scrape(Format format) throws Fault {
    Answer answer = call("GET", "/metrics", format.accept(), null);
    if (answer.status() == 404) {
      throw new Fault(
          "GET /metrics answered 404: the service has no /metrics route",
          Steps.SERVE_METRICS,
          "routes.get(\"/metrics\", MetricsEndpoint.handler(registry))");
    }
    if (answer.status() != 200) {
      throw Fault.of("GET /metrics answered " + answer.status() + ": " + answer.firstLine());
    }
    try {
      return reader.read(answer.body().getBytes(StandardCharsets.UTF_8), "its /metrics");
    } catch (TargetException e) {
      throw Fault.of("the scrape is not valid: " + e.getMessage());
    }
  }

  private Answer call(String method, String path, String accept, String header) throws Fault {
    Request.Builder request =
        new Request.Builder()
            .url(base.resolve(path))
            .method(method, method.equals("POST") ? RequestBody.create(new byte[0]) : null);
    if (accept != null) {
      request.header("Accept", accept);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      String body = new String(response.body().bytes(), StandardCharsets.UTF_8);
      return new Answer(response.code(), body, header == null ? null : response.header(header));
    } catch (ConnectException e) {
      throw Fault.of(method + " " + path + ": nothing listens at " + where() + " any more");
    } catch (InterruptedIOException e) {
      throw Fault.of(
          method
              + " "
              + path
              + " got no answer within "
              + REQUEST_TIMEOUT.toSeconds()
              + " s: does the route wait or loop forever?");
    } catch (IOException e) {
      throw Fault.of(method + " " + path + " failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    reader.close();
    http.connectionPool().evictAll();
    http.dispatcher().executorService().shutdown();
  }
}
