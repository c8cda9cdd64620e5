package tutorial.testkit;

import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tutorial.common.MetricsEndpoint;
import tutorial.common.Service;
import tutorial.common.TutorialApp;
import tutorial.common.http.ServiceServer;
import tutorial.common.settings.ServiceSettings;

/**
 * A service under test: the real Javalin server, with the shared wiring, on a free loopback port
 * and a fresh registry; and a real HTTP client to call it.
 */
public final class RunningService implements AutoCloseable {

  private static final OkHttpClient HTTP =
      new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

  private final Javalin javalin;
  private final PrometheusRegistry registry;

  private RunningService(Javalin javalin, PrometheusRegistry registry) {
    this.javalin = javalin;
    this.registry = registry;
  }

  public static RunningService start(Function<PrometheusRegistry, TutorialApp> app) {
    return start(TestSettings.service(), app);
  }

  public static RunningService start(
      ServiceSettings settings, Function<PrometheusRegistry, TutorialApp> app) {
    PrometheusRegistry registry = Service.registry(settings.jvmMetrics());
    Javalin javalin =
        ServiceServer.create("the service under test", settings, app.apply(registry)).start();
    return new RunningService(javalin, registry);
  }

  /** An app with no route but {@code /metrics}: for tests of what every service shares. */
  public static TutorialApp metricsOnly(PrometheusRegistry registry) {
    return routes -> routes.get(MetricsEndpoint.PATH, MetricsEndpoint.handler(registry));
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  public HttpUrl url(String pathAndQuery) {
    return HttpUrl.get("http://127.0.0.1:" + javalin.port() + pathAndQuery);
  }

  /** GET with optional header name/value pairs. */
  public Reply get(String pathAndQuery, String... headers) {
    Request.Builder request = new Request.Builder().url(url(pathAndQuery));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  public Reply post(String pathAndQuery) {
    return send(
        new Request.Builder().url(url(pathAndQuery)).post(RequestBody.create(new byte[0])).build());
  }

  public Reply send(Request request) {
    try (Response response = HTTP.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text-format scrape of the named families only: the Java answer to the tutorial's {@code
   * curl /metrics | grep NAME}, which also keeps the JVM metrics out of a chapter's output.
   */
  public String scrape(String... names) {
    StringBuilder query = new StringBuilder("/metrics");
    for (int i = 0; i < names.length; i++) {
      query.append(i == 0 ? '?' : '&').append("name[]=").append(names[i]);
    }
    Reply reply = get(query.toString());
    if (reply.status() != 200) {
      throw new AssertionError("scrape answered " + reply.status() + ": " + reply.text());
    }
    return reply.text();
  }

  @Override
  public void close() {
    // A graceful stop waits for open connections; the client's idle keep-alive ones would hold it.
    HTTP.connectionPool().evictAll();
    javalin.stop();
  }
}
