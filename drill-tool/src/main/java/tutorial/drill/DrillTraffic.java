package tutorial.drill;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Requests to the services' {@code /repos/...} at a steady rate while a drill runs, without waiting
 * for the answers: a broken upstream shows only in calls made. The repositories take turns; for one
 * slow repository, every other request asks for it, as when many users want the same one.
 */
final class DrillTraffic implements AutoCloseable {

  static final List<String> TUTORIAL_REPOSITORIES =
      List.of("prometheus/prometheus", "apache/kafka", "moby/moby");

  /** More requests than this still waiting for an answer: a tick is skipped, not queued. */
  private static final int MAX_IN_FLIGHT = 256;

  private final List<String> services;
  private final List<String> repositories;
  private final AtomicLong sent = new AtomicLong();
  private final OkHttpClient http;
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "drill-traffic");
            thread.setDaemon(true);
            return thread;
          });

  private DrillTraffic(List<String> services, List<String> repositories) {
    this.services = services;
    this.repositories = repositories;
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(MAX_IN_FLIGHT);
    dispatcher.setMaxRequestsPerHost(MAX_IN_FLIGHT);
    this.http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(30))
            .build();
  }

  /**
   * Starts {@code rate} requests per second, spread over {@code services} (each {@code host:port});
   * with {@code slowRepository}, every other one for it.
   */
  static DrillTraffic start(List<String> services, double rate, String slowRepository) {
    List<String> repositories = TUTORIAL_REPOSITORIES;
    if (slowRepository != null) {
      List<String> others =
          TUTORIAL_REPOSITORIES.stream().filter(r -> !r.equalsIgnoreCase(slowRepository)).toList();
      repositories = List.of(slowRepository, others.get(0), slowRepository, others.get(1));
    }
    DrillTraffic traffic = new DrillTraffic(services, repositories);
    long period = Math.max(1, Math.round(1_000_000_000 / rate));
    traffic.clock.scheduleAtFixedRate(traffic::send, 0, period, TimeUnit.NANOSECONDS);
    return traffic;
  }

  private void send() {
    if (http.dispatcher().runningCallsCount() >= MAX_IN_FLIGHT) {
      return;
    }
    long n = sent.getAndIncrement();
    String service = services.get((int) (n % services.size()));
    String repository = repositories.get((int) ((n / services.size()) % repositories.size()));
    Request request =
        new Request.Builder().url("http://" + service + "/repos/" + repository).build();
    http.newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                response.close();
              }

              @Override
              public void onFailure(Call call, IOException e) {
                // the service's own metrics count what failed
              }
            });
  }

  @Override
  public void close() {
    clock.shutdownNow();
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
  }
}
