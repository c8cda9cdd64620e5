package tutorial.common;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Settings of the services that call the repository API (histograms-app and summaries-app). Added
 * to a service's command line as a picocli mixin, so only those services list them in {@code
 * --help}.
 */
public final class UpstreamSettings {

  @Option(
      names = "--github-api-url",
      defaultValue = "${env:GITHUB_API_URL:-https://api.github.com}",
      description = "Base URL of the repository API (env GITHUB_API_URL, default ${DEFAULT-VALUE}).")
  String apiUrl;

  @Option(
      names = "--github-token",
      defaultValue = "${env:GITHUB_TOKEN}",
      description =
          "Token sent as 'Authorization: Bearer ...', for the API's higher rate limit"
              + " (env GITHUB_TOKEN, default none).")
  String token;

  @Option(
      names = "--offline",
      arity = "1",
      defaultValue = "${env:OFFLINE:-false}",
      description =
          "Answer /repos/... from the embedded stand-in for the repository API instead of"
              + " GITHUB_API_URL, with realistic, varied latencies (env OFFLINE, default ${DEFAULT-VALUE}).")
  boolean offline;

  @Option(
      names = "--stand-in-latency",
      arity = "1",
      defaultValue = "${env:STAND_IN_LATENCY:-true}",
      description =
          "With --offline: delay the stand-in's answers as a real API would; false answers at once"
              + " (env STAND_IN_LATENCY, default ${DEFAULT-VALUE}).")
  boolean standInLatency;

  @Option(
      names = "--connect-timeout",
      defaultValue = "${env:CONNECT_TIMEOUT:-2s}",
      converter = DurationConverter.class,
      description = "Upstream connect timeout (env CONNECT_TIMEOUT, default ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(
      names = "--read-timeout",
      defaultValue = "${env:READ_TIMEOUT:-5s}",
      converter = DurationConverter.class,
      description =
          "Upstream read timeout; a slower answer becomes 504 (env READ_TIMEOUT, default ${DEFAULT-VALUE}).")
  Duration readTimeout;

  @Option(
      names = "--max-upstream-calls",
      defaultValue = "${env:MAX_UPSTREAM_CALLS:-64}",
      description =
          "Calls that may wait for the repository API at once, a quarter of them for any one"
              + " repository; more are refused at once with 503, so that a hanging API cannot hold"
              + " every request thread and /metrics keeps answering (env MAX_UPSTREAM_CALLS,"
              + " default ${DEFAULT-VALUE}).")
  int maxCalls;

  @Option(
      names = "--tracing",
      arity = "1",
      defaultValue = "${env:TRACING:-true}",
      description =
          "Trace each /repos/... request and its call to the API with OpenTelemetry: spans in the"
              + " log, the trace id in the 'traceresponse' header and the access log, and as an"
              + " exemplar on the histogram's buckets (OpenMetrics only) (env TRACING, default"
              + " ${DEFAULT-VALUE}).")
  boolean tracing;

  public boolean offline() {
    return offline;
  }

  public boolean standInLatency() {
    return standInLatency;
  }

  /**
   * The client these settings describe. With {@code --offline} this first starts the embedded
   * stand-in on a free loopback port and points the client at it.
   */
  public GitHubClient connect() {
    return connect(Tracing.off());
  }

  /** As {@link #connect()}, with each call in a span of {@code tracing}'s current trace. */
  public GitHubClient connect(Tracing tracing) {
    return connect(offline ? UpstreamStandIn.start(standInLatency) : null, tracing);
  }

  /** The tracing these settings ask for: {@link Tracing#start()}, or off with --tracing=false. */
  public Tracing tracing() {
    return tracing ? Tracing.start() : Tracing.off();
  }

  /**
   * The client these settings describe, pointed with {@code --offline} at a stand-in already
   * started: the suite shares one between its two services that call the API.
   */
  public GitHubClient connect(UpstreamStandIn standIn) {
    return connect(standIn, Tracing.off());
  }

  /** As {@link #connect(UpstreamStandIn)}, with each call in a span of {@code tracing}'s trace. */
  public GitHubClient connect(UpstreamStandIn standIn, Tracing tracing) {
    String baseUrl = offline ? standIn.baseUrl() : apiUrl;
    return new GitHubClient(
        baseUrl, token, connectTimeout, readTimeout, maxCalls, tracing.callInterceptors());
  }
}
