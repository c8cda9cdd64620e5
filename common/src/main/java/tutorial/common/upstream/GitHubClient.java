package tutorial.common.upstream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadGatewayResponse;
import io.javalin.http.GatewayTimeoutResponse;
import io.javalin.http.NotFoundResponse;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import tutorial.common.RepositoryName;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.UpstreamCalls.Failure;

/**
 * The tutorial's {@code requests.get('https://api.github.com/repos/' + repos).json()}, with what
 * the tutorial leaves out: timeouts, a size limit, no redirects, and upstream faults turned into
 * 404, 502 or 504 answers for our own client.
 */
public final class GitHubClient {

  /** A repository's JSON is a few kB; anything far larger is not what we asked for. */
  static final long MAX_BODY_BYTES = 1 << 20;

  // an HTML error page glued after a JSON object is not a repository answer either
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final HttpUrl baseUrl;
  private final String token;
  private final CompletableFuture<OkHttpClient> http;
  private final UpstreamBulkhead bulkhead;
  private final UpstreamCalls calls;
  // the offline stand-in unreachable: a drill has it down, and no internet is needed
  private final boolean toStandIn;

  /**
   * The client a service's settings describe, on its own: its calls counted nowhere, no drills.
   * With {@code --offline} this first starts the embedded stand-in on a free loopback port and
   * points the client at it.
   */
  public static GitHubClient connect(UpstreamSettings settings, Tracing tracing) {
    String baseUrl =
        settings.offline() ? UpstreamStandIn.start(settings).baseUrl() : settings.apiUrl();
    return connect(settings, baseUrl, tracing, UpstreamCalls.uncounted());
  }

  /**
   * The client as a service runs it: its calls counted in {@code registry} (see {@link
   * UpstreamCalls}), and the drill switch open on {@link UpstreamSettings#drillPort()}, for the
   * embedded stand-in with {@code --offline}, refusing every drill without.
   */
  public static GitHubClient connect(
      UpstreamSettings settings, Tracing tracing, PrometheusRegistry registry) {
    String baseUrl;
    if (settings.offline()) {
      UpstreamStandIn standIn = UpstreamStandIn.start(settings);
      DrillControl.open(settings.drillPort(), standIn);
      baseUrl = standIn.baseUrl();
    } else {
      DrillControl.refusing(settings.drillPort(), settings.apiUrl());
      baseUrl = settings.apiUrl();
    }
    return connect(settings, baseUrl, tracing, UpstreamCalls.countedIn(registry));
  }

  /**
   * The client of {@code settings} pointed at {@code baseUrl}, its calls counted by {@code calls}:
   * the suite points its two services that call the API at one stand-in. With {@code --offline} a
   * first call warms the client up.
   */
  public static GitHubClient connect(
      UpstreamSettings settings, String baseUrl, Tracing tracing, UpstreamCalls calls) {
    GitHubClient client =
        new GitHubClient(
            baseUrl,
            settings.token(),
            settings.connectTimeout(),
            settings.readTimeout(),
            settings.maxCalls(),
            tracing.callInterceptors(),
            calls,
            settings.offline());
    if (settings.offline()) {
      Thread warmUp = new Thread(client::warmUp, "stand-in-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
    return client;
  }

  /**
   * @param maxCallsInFlight the calls to the API that may wait for it at once; more are refused
   *     with 503 (see {@link UpstreamBulkhead})
   * @param interceptors what each call passes through first, such as {@link
   *     Tracing#callInterceptors()}'s span and trace headers
   */
  public GitHubClient(
      String baseUrl,
      String token,
      Duration connectTimeout,
      Duration readTimeout,
      int maxCallsInFlight,
      List<Interceptor> interceptors) {
    this(
        baseUrl,
        token,
        connectTimeout,
        readTimeout,
        maxCallsInFlight,
        interceptors,
        UpstreamCalls.uncounted());
  }

  /** As the constructor above, its calls counted by {@code calls}. */
  public GitHubClient(
      String baseUrl,
      String token,
      Duration connectTimeout,
      Duration readTimeout,
      int maxCallsInFlight,
      List<Interceptor> interceptors,
      UpstreamCalls calls) {
    this(baseUrl, token, connectTimeout, readTimeout, maxCallsInFlight, interceptors, calls, false);
  }

  private GitHubClient(
      String baseUrl,
      String token,
      Duration connectTimeout,
      Duration readTimeout,
      int maxCallsInFlight,
      List<Interceptor> interceptors,
      UpstreamCalls calls,
      boolean toStandIn) {
    this.calls = calls;
    this.toStandIn = toStandIn;
    this.baseUrl = HttpUrl.parse(baseUrl);
    if (this.baseUrl == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    this.token = token;
    Duration longestCall = connectTimeout.plus(readTimeout);
    this.bulkhead =
        new UpstreamBulkhead(
            maxCallsInFlight, (longestCall.toMillis() + 999) / 1000, calls::rejected);
    // Building the client loads the JDK's trust store and sets up TLS, a noticeable part of a
    // start: it is done on another thread while the server starts, and the first call waits for
    // it if need be.
    this.http =
        CompletableFuture.supplyAsync(
            () -> {
              OkHttpClient.Builder client = new OkHttpClient.Builder();
              client.interceptors().addAll(interceptors);
              return client
                  .connectTimeout(connectTimeout)
                  .readTimeout(readTimeout)
                  // bounds a body that trickles in byte by byte, which no read timeout catches
                  .callTimeout(longestCall)
                  // a redirect could lead to any host: only the configured upstream is called
                  .followRedirects(false)
                  .followSslRedirects(false)
                  .build();
            });
  }

  /** {@code GET {base}/repos/{owner}/{repository}}, after checking both names. */
  public JsonNode repository(RepositoryName name) {
    HttpUrl url =
        baseUrl
            .newBuilder()
            .addPathSegment("repos")
            .addPathSegment(name.owner())
            .addPathSegment(name.repository())
            .build();
    Request.Builder request =
        new Request.Builder().url(url).header("Accept", "application/vnd.github+json");
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    // GitHub's names are case-insensitive: one repository is one key however it is written
    try (UpstreamBulkhead.Permit permit =
        bulkhead.enter(name.toString().toLowerCase(Locale.ROOT))) {
      calls.made();
      return call(request.build(), name);
    }
  }

  /** One call made, its failure counted by how it failed. */
  private JsonNode call(Request request, RepositoryName name) {
    try (Response response = http.join().newCall(request).execute()) {
      if (response.code() == 404) {
        throw new NotFoundResponse("repository " + name + " not found upstream");
      }
      if (!response.isSuccessful()) {
        calls.failed(response.code() >= 500 ? Failure.SERVER_ERROR : Failure.OTHER_STATUS);
        throw new BadGatewayResponse(explain(response));
      }
      try {
        return parse(response);
      } catch (BadGatewayResponse e) {
        calls.failed(Failure.INVALID_BODY);
        throw e;
      }
    } catch (InterruptedIOException e) {
      calls.failed(Failure.TIMEOUT);
      throw new GatewayTimeoutResponse("upstream did not answer in time");
    } catch (ConnectException e) {
      calls.failed(Failure.REFUSED);
      throw new BadGatewayResponse(unreachable());
    } catch (IOException e) {
      calls.failed(Failure.UNREACHABLE);
      throw new BadGatewayResponse(unreachable());
    }
  }

  /**
   * One call to the stand-in, which it neither delays nor counts, its answer read and written as a
   * route does: the classes of the call's whole path are then loaded before a learner's first call,
   * which otherwise takes much longer than the calls after it, and lands where the tutorial's first
   * did not. No span: the call is untraced.
   */
  private void warmUp() {
    OkHttpClient.Builder untraced = http.join().newBuilder();
    untraced.interceptors().clear();
    Request request =
        new Request.Builder()
            .url(baseUrl.newBuilder().addPathSegments("repos/stand-in/warm-up").build())
            .header(UpstreamStandIn.WARM_UP_HEADER, "true")
            .build();
    try (Response response = untraced.build().newCall(request).execute()) {
      JSON.writeValueAsBytes(parse(response));
    } catch (IOException | RuntimeException e) {
      // nothing warmed, then: the first call is only slower
    }
  }

  /** Where the API was looked for, and how to follow the chapter without it (no internet). */
  private String unreachable() {
    boolean defaultPort = baseUrl.port() == HttpUrl.defaultPort(baseUrl.scheme());
    String where = baseUrl.host() + (defaultPort ? "" : ":" + baseUrl.port());
    String unreachable = "upstream unreachable: cannot reach the repository API at " + where;
    return toStandIn
        ? unreachable + " (the offline stand-in: is a drill on? ./drill stop ends it)"
        : unreachable + "; without internet, start the service with OFFLINE=true";
  }

  /** What a learner can do about an upstream answer other than 200 or 404. */
  private static String explain(Response response) {
    int code = response.code();
    if (code == 429 || (code == 403 && "0".equals(response.header("X-RateLimit-Remaining")))) {
      return "upstream rate limit reached; set GITHUB_TOKEN, or start with OFFLINE=true";
    }
    if (response.isRedirect()) {
      // e.g. a renamed repository; following it would leave /repos/{owner}/{repository}
      return "upstream answered " + code + ": the repository has moved; ask for its new name";
    }
    return "upstream answered " + code;
  }

  private static JsonNode parse(Response response) throws IOException {
    BufferedSource source = response.body().source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      throw new BadGatewayResponse("upstream answer larger than " + MAX_BODY_BYTES + " bytes");
    }
    try {
      JsonNode json = JSON.readTree(source.getBuffer().inputStream());
      if (json == null || !json.isObject()) {
        throw new BadGatewayResponse("upstream answer is not a JSON object");
      }
      return json;
    } catch (JacksonException e) {
      throw new BadGatewayResponse("upstream answer is not JSON");
    }
  }
}
