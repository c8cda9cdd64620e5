package tutorial.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tutorial.common.Service;
import tutorial.testkit.Reply;
import tutorial.testkit.RunningService;
import tutorial.testkit.TestSettings;

/** Responses go through Javalin's copy with the service's smaller buffer, whole at any size. */
class ServiceResponseTest {

  private static final int ONE_MEGABYTE = 1024 * 1024;

  @Test
  void responsesOfEverySizeArriveWholeThroughTheSmallerCopyBuffer() {
    try (RunningService service =
        RunningService.start(
            registry ->
                routes -> {
                  routes.get("/text/{bytes}", ServiceResponseTest::text);
                  routes.get("/stream/{bytes}", ServiceResponseTest::stream);
                })) {
      for (int size :
          new int[] {
            0,
            1,
            ServiceServer.RESPONSE_COPY_BUFFER,
            ServiceServer.RESPONSE_COPY_BUFFER + 1,
            32 * 1024 + 7,
            ONE_MEGABYTE
          }) {
        for (String kind : new String[] {"text", "stream"}) {
          Reply reply = service.get("/" + kind + "/" + size);

          assertThat(reply.status()).as("%s of %d bytes", kind, size).isEqualTo(200);
          assertThat(reply.body()).as("%s of %d bytes", kind, size).isEqualTo(body(size));
        }
      }
    }
  }

  @Test
  void javalinCopiesEachResponseThroughTheSmallerBuffer() {
    Javalin javalin =
        ServiceServer.create(
            "test", TestSettings.service(), RunningService.metricsOnly(Service.registry(false)));

    assertThat(javalin.unsafe.http.responseBufferSize)
        .isEqualTo(ServiceServer.RESPONSE_COPY_BUFFER);
  }

  private static void text(Context ctx) {
    ctx.result(
        new String(body(Integer.parseInt(ctx.pathParam("bytes"))), StandardCharsets.US_ASCII));
  }

  private static void stream(Context ctx) {
    ctx.result(new ByteArrayInputStream(body(Integer.parseInt(ctx.pathParam("bytes")))));
  }

  /** A body whose every position is checked: a repeating count, not one byte over and over. */
  private static byte[] body(int size) {
    byte[] body = new byte[size];
    for (int i = 0; i < size; i++) {
      body[i] = (byte) ('a' + i % 26);
    }
    return body;
  }
}
