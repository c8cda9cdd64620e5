package tutorial.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tutorial.common.TutorialApp;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamStandIn;

/**
 * Seeded random requests against a service (methods, paths near and far from its routes, broken
 * encodings, headers, bodies), sent byte for byte over plain sockets: none may get a 5xx or a stack
 * trace, every error must be the JSON error body, and no request may add a series. Each app module
 * runs it through a one-line subclass.
 */
public abstract class RandomRequestsContract {

  /** Builds the app under test; {@code upstream} points at an instant stand-in API. */
  @FunctionalInterface
  public interface AppUnderTest {
    TutorialApp create(PrometheusRegistry registry, GitHubClient upstream);
  }

  private static final long SEED = 20240507L;
  private static final int REQUESTS = 3000;
  private static final Duration TIME_LIMIT = Duration.ofSeconds(90);

  private static final String[] METHODS = {
    "GET", "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE",
    "FOO"
  };
  private static final String[] SEGMENTS = {
    "",
    "5",
    "0",
    "87",
    "-1",
    "+5",
    "1.5",
    "1e3",
    "99999999999999999999",
    "%D9%A3",
    "abc",
    "..",
    ".",
    "%2e%2e",
    "%2F",
    "a%2Fb",
    "%00",
    "%0d%0a",
    "%zz",
    "%",
    "%C3%A9t%C3%A9",
    "\u00e9",
    "\t",
    "a".repeat(300),
    "prometheus",
    "moby",
    "-leading",
    "a--b",
    "x;y=1",
    "%3F",
    "%23",
    "~user",
    "running",
    "stopped",
    "bogus",
    "name[]",
    "metrics",
    "*",
    "repos",
    "%20",
    "A_B.c-d"
  };
  private static final String[] QUERIES = {
    "",
    "",
    "",
    "?name[]=list_size",
    "?name%5B%5D=home_page_visits",
    "?debug=text",
    "?debug=openmetrics",
    "?debug=prometheus-protobuf",
    "?debug=bogus",
    "?name[]=",
    "?%zz",
    "?a=" + "b".repeat(1000),
    "?name[]=a&name[]=b&name[]=c",
    "?debug",
    "?&&&"
  };
  private static final String[] HEADERS = {
    "Accept: text/plain",
    "Accept: application/openmetrics-text; version=1.0.0",
    "Accept:"
        + " application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited",
    "Accept: application/json",
    "Accept: */*",
    "Accept: garbage;;;q=x",
    "Accept:",
    "Accept-Encoding: gzip",
    "Accept-Encoding: br",
    "Accept-Encoding: gzip;q=0, identity",
    "Accept-Encoding: *",
    "Content-Type: application/json",
    "Content-Type: text/plain; charset=nope",
    "X-HTTP-Method-Override: DELETE",
    "Authorization: Bearer x",
    "Authorization: Basic !!!",
    "Range: bytes=0-1",
    "Expect: 100-continue",
    "If-None-Match: *"
  };

  private final AppUnderTest app;
  private final List<String> routes;
  private UpstreamStandIn standIn;
  private RunningService service;

  /** {@code routes}: the app's path prefixes, so that many requests come near real routes. */
  protected RandomRequestsContract(AppUnderTest app, String... routes) {
    this.app = app;
    this.routes = List.of(routes);
  }

  @BeforeEach
  void start() {
    standIn = UpstreamStandIn.start(false);
    GitHubClient upstream =
        GitHubClient.connect(TestSettings.upstream(standIn.baseUrl()), Tracing.off());
    service = RunningService.start(registry -> app.create(registry, upstream));
  }

  @AfterEach
  void stop() {
    service.close();
    standIn.close();
  }

  @Test
  public void randomRequestsGetNo5xxNoStackTraceAndOnlyJsonErrors() {
    Random random = new Random(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    int seriesBefore = appSeries(service.registry());
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    int sent = 0;
    while (sent < REQUESTS && System.nanoTime() < deadline) {
      String method = pick(random, METHODS);
      String target = randomTarget(random);
      String[] headers = randomHeaders(random);
      byte[] body = method.startsWith("P") ? randomBody(random) : new byte[0];
      String request = method + " " + target + " " + String.join(" | ", headers);

      RawHttp.Answer answer = RawHttp.send(service.url("/").port(), method, target, headers, body);
      sent++;
      statuses.merge(answer.status(), 1, Integer::sum);

      assertThat(answer.status()).as(request).isBetween(100, 499);
      String text = new String(answer.body(), StandardCharsets.ISO_8859_1);
      assertThat(text).as(request).doesNotContain("Exception", "\tat ", ".java:");
      if (answer.status() >= 400 && answer.body().length > 0) {
        assertThat(answer.headers().get("content-type")).as(request).startsWith("application/json");
        assertThat(text).as(request).startsWith("{\"status\":" + answer.status() + ",");
      }
    }
    System.out.printf(
        "%s: %d random requests, answers by status %s%n",
        getClass().getSimpleName(), sent, statuses);
    assertThat(sent).as("requests sent within " + TIME_LIMIT).isEqualTo(REQUESTS);
    assertThat(appSeries(service.registry()))
        .as("series after random requests")
        .isEqualTo(seriesBefore);
  }

  @Test
  public void thousandsOfDistinctNamesAddNoSeries() {
    int seriesBefore = appSeries(service.registry());
    for (int i = 0; i < 2000; i++) {
      String route = routes.get(i % routes.size());
      String target = route.endsWith("/") ? route + "user-" + i + "/repo-" + i : route + "/n" + i;
      assertThat(service.get(target).status()).as(target).isLessThan(500);
    }
    assertThat(appSeries(service.registry())).isEqualTo(seriesBefore);
  }

  /** Series of the app's own metrics; the JVM's vary by themselves (threads, pools). */
  private static int appSeries(PrometheusRegistry registry) {
    int series = 0;
    for (MetricSnapshot snapshot : registry.scrape()) {
      String name = snapshot.getMetadata().getPrometheusName();
      if (!name.startsWith("jvm_") && !name.startsWith("process_")) {
        series += snapshot.getDataPoints().size();
      }
    }
    return series;
  }

  private String randomTarget(Random random) {
    StringBuilder target = new StringBuilder();
    if (random.nextInt(4) > 0) {
      target.append(routes.get(random.nextInt(routes.size())));
    } else {
      target.append('/').append(pick(random, SEGMENTS));
    }
    int extra = random.nextInt(3);
    for (int i = 0; i < extra; i++) {
      if (target.charAt(target.length() - 1) != '/') {
        target.append('/');
      }
      target.append(pick(random, SEGMENTS));
    }
    return target.append(pick(random, QUERIES)).toString();
  }

  private static String[] randomHeaders(Random random) {
    List<String> headers = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      headers.add(pick(random, HEADERS));
    }
    return headers.toArray(String[]::new);
  }

  private static byte[] randomBody(Random random) {
    byte[] body = new byte[random.nextInt(512)];
    random.nextBytes(body);
    return body;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
