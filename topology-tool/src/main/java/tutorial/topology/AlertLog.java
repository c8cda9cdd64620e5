package tutorial.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The topology's alert receiver: Alertmanager's webhook posts each notification here, and every
 * alert in it becomes one line, such as {@code firing ServiceDown {instance="127.0.0.1:5008",
 * job="histograms", region="us", severity="critical"}: histograms at 127.0.0.1:5008 is down}. A
 * team puts a chat, paging or e-mail receiver in its place (prometheus/topology/alertmanager.yml).
 */
final class AlertLog implements AutoCloseable {

  static final String PATH = "/alerts";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Consumer<String> out;
  private final Javalin server;

  private AlertLog(Consumer<String> out, String host, int port) {
    this.out = out;
    this.server =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jetty.host = host;
                  config.jetty.port = port;
                  config.routes.post(PATH, this::notification);
                })
            .start();
  }

  /** Listens on {@code host:port} (0: a free port) and writes each alert's line to {@code out}. */
  static AlertLog start(String host, int port, Consumer<String> out) {
    return new AlertLog(out, host, port);
  }

  int port() {
    return server.port();
  }

  private void notification(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse("not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.path("alerts").isArray()) {
      throw new BadRequestResponse("not an Alertmanager notification: no alerts[]");
    }
    // every alert checked before any is written: a notification is logged whole or not at all
    for (JsonNode alert : body.path("alerts")) {
      if (!alert.path("status").isTextual()
          || !alert.path("labels").path("alertname").isTextual()) {
        throw new BadRequestResponse(
            "not an Alertmanager notification: an alert without status or labels.alertname");
      }
    }
    lines(body).forEach(out);
  }

  /** One line per alert of an Alertmanager webhook notification (its format version 4). */
  private static List<String> lines(JsonNode notification) {
    List<String> lines = new ArrayList<>();
    for (JsonNode alert : notification.path("alerts")) {
      Map<String, String> labels = new TreeMap<>();
      alert.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      String name = labels.remove("alertname");
      StringBuilder line =
          new StringBuilder(alert.path("status").asText()).append(' ').append(name).append(" {");
      labels.forEach((key, value) -> line.append(key).append("=\"").append(value).append("\", "));
      if (!labels.isEmpty()) {
        line.setLength(line.length() - 2);
      }
      line.append('}');
      String summary = alert.path("annotations").path("summary").asText("");
      if (!summary.isEmpty()) {
        line.append(": ").append(summary);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  @Override
  public void close() {
    server.stop();
  }
}
