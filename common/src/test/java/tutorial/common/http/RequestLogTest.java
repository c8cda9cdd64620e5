package tutorial.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The services' access log on a real Javalin server: every line of concurrent requests written, in
 * batches, nothing written while idle, and nothing lost while its output is blocked.
 */
class RequestLogTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final CountingOutput output = new CountingOutput();
  private final List<Javalin> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(Javalin::stop);
  }

  @Test
  void everyLineOfConcurrentRequestsIsWrittenInBatchesAndNothingWhileIdle() throws Exception {
    Javalin server = start(new RequestLog(output));

    send(server, 2000, 16, i -> "/hello?n=" + i);
    Thread.sleep(3 * RequestLog.FLUSH_MILLIS);
    int writesAfterBurst = output.writes.get();
    Thread.sleep(6 * RequestLog.FLUSH_MILLIS);

    assertThat(output.writes.get()).as("writes while idle").isEqualTo(writesAfterBurst);
    assertThat(writesAfterBurst).as("writes for 2000 lines").isBetween(1, 200);
    List<String> lines = output.lines();
    assertThat(lines).hasSize(2000);
    assertThat(lines)
        .allMatch(
            l ->
                l.matches(
                    "127\\.0\\.0\\.1 \"GET /hello\\?n=\\d+ HTTP/1\\.1\" 200 5 bytes \\d+ ms"));
    assertThat(lines.stream().map(l -> l.split(" ")[2]).distinct()).hasSize(2000);
  }

  @Test
  void aBlockedOutputHoldsTheRequestsBackAndLosesNoLine() throws Exception {
    CountDownLatch unblock = new CountDownLatch(1);
    BlockingOutput blocked = new BlockingOutput(output, unblock);
    Javalin server = start(new RequestLog(blocked));
    // lines of about 6 kB: the buffer's bound is passed after about 170 of them
    String longPath = "/hello?pad=" + "x".repeat(6000) + "&n=";
    int requests = 400;

    CompletableFuture<Void> burst =
        CompletableFuture.runAsync(() -> send(server, requests, 8, i -> longPath + i));
    assertThat(blocked.entered.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(500);
    assertThat(burst).as("requests held back by the full buffer").isNotDone();
    unblock.countDown();
    burst.get(30, TimeUnit.SECONDS);
    server.stop();

    List<String> lines = output.lines();
    assertThat(lines).hasSize(requests);
    assertThat(lines.stream().map(l -> l.substring(l.lastIndexOf("&n=")).split(" ")[0]).distinct())
        .hasSize(requests);
  }

  private Javalin start(RequestLog log) {
    Javalin server =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jetty.host = "127.0.0.1";
                  config.jetty.port = 0;
                  config.jetty.modifyServer(s -> s.setRequestLog(log));
                  config.routes.get("/hello", ctx -> ctx.result("hello"));
                })
            .start();
    servers.add(server);
    return server;
  }

  /** {@code count} GETs, {@code inFlight} at a time; each must be answered 200. */
  private static void send(
      Javalin server, int count, int inFlight, java.util.function.IntFunction<String> path) {
    Semaphore slots = new Semaphore(inFlight);
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        slots.acquire();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path.apply(i));
        answers.add(
            HTTP.sendAsync(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .whenComplete((status, failure) -> slots.release()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(answers.stream().map(CompletableFuture::join)).containsOnly(200);
  }

  /** What the log wrote, and in how many writes. */
  private static final class CountingOutput extends OutputStream {
    final AtomicInteger writes = new AtomicInteger();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes.incrementAndGet();
      bytes.write(b, off, len);
    }

    synchronized List<String> lines() {
      return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** An output whose first write blocks until released, as a stderr nobody reads. */
  private static final class BlockingOutput extends OutputStream {
    final CountDownLatch entered = new CountDownLatch(1);
    private final OutputStream target;
    private final CountDownLatch unblock;

    BlockingOutput(OutputStream target, CountDownLatch unblock) {
      this.target = target;
      this.unblock = unblock;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      entered.countDown();
      try {
        unblock.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      target.write(b, off, len);
    }
  }
}
