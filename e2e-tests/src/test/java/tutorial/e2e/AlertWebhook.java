package tutorial.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import tutorial.common.upstream.LoopbackServer;

/**
 * The receiver an Alertmanager posts to in a test, as a team's chat or pager would be: it keeps
 * each alert of every notification, with when it came.
 */
final class AlertWebhook implements AutoCloseable {

  /** One alert of a notification: its labels, annotations and status, and when it came. */
  record Alert(JsonNode json, long receivedAt) {
    String label(String name) {
      return json.path("labels").path(name).asText();
    }

    boolean firing() {
      return json.path("status").asText().equals("firing");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Alert> alerts = new CopyOnWriteArrayList<>();
  private final Javalin server;

  private AlertWebhook() {
    server =
        LoopbackServer.start(
            routes ->
                routes.post(
                    "/alerts",
                    ctx -> {
                      JsonNode notification = JSON.readTree(ctx.body());
                      System.out.println("webhook received: " + notification);
                      long now = System.nanoTime();
                      notification.path("alerts").forEach(a -> alerts.add(new Alert(a, now)));
                    }));
  }

  /**
   * Started on a free loopback port, stopped (and its port checked) with what {@code started}
   * holds.
   */
  static AlertWebhook start(StartedResources started) {
    AlertWebhook webhook = started.add(new AlertWebhook());
    started.expectFreed(webhook.server.port());
    return webhook;
  }

  /** What an Alertmanager's {@code webhook_configs} url is. */
  String url() {
    return LoopbackServer.baseUrl(server) + "/alerts";
  }

  /**
   * The first alert received named {@code alertname} whose labels include {@code label}'s value,
   * firing or resolved.
   */
  Optional<Alert> first(String alertname, String label, String value, boolean firing) {
    return alerts.stream()
        .filter(a -> a.label("alertname").equals(alertname))
        .filter(a -> a.label(label).equals(value))
        .filter(a -> a.firing() == firing)
        .findFirst();
  }

  @Override
  public void close() {
    server.stop();
  }
}
