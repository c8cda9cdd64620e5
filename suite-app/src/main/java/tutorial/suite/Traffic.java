package tutorial.suite;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends the {@link TrafficPlan}'s requests at a steady rate, without waiting for the answers, so
 * that a slow {@code /repos} call does not hold the others back.
 */
final class Traffic implements AutoCloseable {

  /** More calls than this still waiting for an answer: a tick is skipped, not queued. */
  private static final int MAX_IN_FLIGHT = 64;

  /** Each running service's instances (their base URLs), by the service's index in the suite. */
  private final Map<Integer, List<HttpUrl>> services;

  private final TrafficPlan plan;
  private long rotation;
  private final OkHttpClient http;
  private final ScheduledExecutorService clock;

  private Traffic(Map<Integer, List<HttpUrl>> services, TrafficPlan plan) {
    this.services = services;
    this.plan = plan;
    Dispatcher dispatcher = new Dispatcher();
    // all five services are on one host, which OkHttp would otherwise limit to 5 calls at once
    dispatcher.setMaxRequests(MAX_IN_FLIGHT);
    dispatcher.setMaxRequestsPerHost(MAX_IN_FLIGHT);
    this.http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(10))
            .build();
    this.clock =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "traffic");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts sending {@code rate} requests per second to {@code services} (each service's instances,
   * by its index in the suite's order: a plan's call for a service not running is skipped); without
   * {@code withRepositories}, no {@code /repos} calls.
   */
  static Traffic start(
      Map<Integer, List<HttpUrl>> services, double rate, long seed, boolean withRepositories) {
    Traffic traffic = new Traffic(services, new TrafficPlan(seed, withRepositories));
    long period = Math.max(1, Math.round(1_000_000_000 / rate));
    traffic.clock.scheduleAtFixedRate(traffic::send, period, period, TimeUnit.NANOSECONDS);
    return traffic;
  }

  private void send() {
    if (http.dispatcher().runningCallsCount() >= MAX_IN_FLIGHT) {
      return;
    }
    TrafficPlan.Call call = plan.next();
    List<HttpUrl> instances = services.get(call.service());
    if (instances == null) {
      return;
    }
    boolean add = call.path().startsWith("/add/");
    HttpUrl url = pick(instances, call).resolve(call.path());
    Request.Builder request = new Request.Builder().url(url);
    if (call.method().equals("POST")) {
      request.post(RequestBody.create(new byte[0]));
    }
    http.newCall(request.build())
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call c, Response response) {
                try (response) {
                  if (add) {
                    plan.added(number(call.path()), response.isSuccessful());
                  }
                }
              }

              @Override
              public void onFailure(Call c, IOException e) {
                // a service stopping, or a slow upstream: the next tick goes on
                if (add) {
                  plan.added(number(call.path()), false);
                }
              }
            });
  }

  /**
   * The instance for a call: in turn, except that {@code /add/N} and {@code /remove/N} go to the
   * instance chosen by N, whose list then holds the N to remove.
   */
  private HttpUrl pick(List<HttpUrl> instances, TrafficPlan.Call call) {
    boolean numbered = call.path().startsWith("/add/") || call.path().startsWith("/remove/");
    long key = numbered ? number(call.path()) : rotation++;
    return instances.get((int) Math.floorMod(key, (long) instances.size()));
  }

  private static long number(String path) {
    return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
  }

  /** Stops the clock and the calls in flight; closes the connections, which a stop waits for. */
  @Override
  public void close() {
    clock.shutdownNow();
    try {
      clock.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
