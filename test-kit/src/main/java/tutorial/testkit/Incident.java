package tutorial.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An upstream incident as a service meets it: many concurrent calls that wait on a hanging API,
 * and, while they wait, the calls that must not wait with them (the scrape, the health check, a
 * call for another repository), each timed from the moment it is sent.
 */
public final class Incident {

  /** One answer: its status, content type, body, and how long it took. */
  public record Answer(String path, int status, String contentType, String body, Duration took) {
    public boolean isJson() {
      return contentType != null && contentType.startsWith("application/json");
    }

    @Override
    public String toString() {
      return path + " " + status + " in " + took.toMillis() + " ms";
    }
  }

  /** What the hanging calls got, and what the probes sent while they hung got. */
  public record Report(List<Answer> hanging, List<Answer> probes) {
    public Answer probe(String path) {
      return probes.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
    }

    public long count(int status) {
      return hanging.stream().filter(a -> a.status() == status).count();
    }

    public Duration slowestHanging() {
      return hanging.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }
  }

  private Incident() {}

  /**
   * Sends {@code calls} concurrent GETs of {@code hangingPath} to {@code base}, waits {@code
   * settle} for them to be in flight, then sends each probe in turn, and waits for every answer.
   */
  public static Report run(
      URI base, int calls, String hangingPath, Duration settle, List<URI> probes)
      throws InterruptedException {
    // one client for the flood, another for the probes, so that no probe waits for a connection
    HttpClient flood = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpClient prober = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<Answer>> hanging = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      hanging.add(send(flood, base.resolve(hangingPath)));
    }
    Thread.sleep(settle.toMillis());
    List<Answer> answers = probes.stream().map(probe -> send(prober, probe).join()).toList();
    return new Report(hanging.stream().map(CompletableFuture::join).toList(), answers);
  }

  /** Each of {@code uris} in turn, without an incident: a service's ordinary traffic. */
  public static List<Answer> probe(List<URI> uris) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return uris.stream().map(uri -> send(client, uri).join()).toList();
  }

  private static CompletableFuture<Answer> send(HttpClient client, URI uri) {
    long start = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              Duration took = Duration.ofNanos(System.nanoTime() - start);
              String path = uri.getPath();
              if (failure != null) {
                return new Answer(path, -1, null, failure.toString(), took);
              }
              return new Answer(
                  path,
                  response.statusCode(),
                  response.headers().firstValue("Content-Type").orElse(null),
                  response.body(),
                  took);
            });
  }
}
