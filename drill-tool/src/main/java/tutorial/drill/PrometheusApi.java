package tutorial.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The few calls of Prometheus's HTTP API the drill makes: a query, the alerts, the rules. */
final class PrometheusApi {

  /** An alerting rule as the running Prometheus has it: its expression and its {@code for}. */
  record AlertRule(String name, String query, Duration holdFor) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpUrl base;
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofSeconds(5))
          .build();

  PrometheusApi(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    this.base = url;
  }

  String url() {
    String text = base.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Whether it answers as a ready Prometheus. */
  boolean ready() {
    try (Response response = http.newCall(request("-/ready").build()).execute()) {
      return response.isSuccessful();
    } catch (IOException e) {
      return false;
    }
  }

  /** The value of an instant query that yields one number, or empty (no series, NaN, no answer). */
  OptionalDouble value(String promql) {
    try {
      JsonNode result = data(request("api/v1/query").build(), promql).path("result");
      if (result.size() != 1) {
        return OptionalDouble.empty();
      }
      double value = Double.parseDouble(result.get(0).path("value").get(1).asText());
      return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    } catch (IOException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  /** Each label value of {@code label} on the series {@code promql} selects. */
  List<String> labelValues(String promql, String label) {
    List<String> values = new ArrayList<>();
    try {
      for (JsonNode series : data(request("api/v1/query").build(), promql).path("result")) {
        String value = series.path("metric").path(label).asText("");
        if (!value.isEmpty()) {
          values.add(value);
        }
      }
    } catch (IOException | RuntimeException e) {
      // none, then
    }
    return values;
  }

  /** Each alert's state (pending or firing) by its name; the most advanced when there are more. */
  Map<String, String> alertStates() throws IOException {
    Map<String, String> states = new LinkedHashMap<>();
    for (JsonNode alert : data(request("api/v1/alerts").build(), null).path("alerts")) {
      String name = alert.path("labels").path("alertname").asText();
      String state = alert.path("state").asText();
      states.merge(name, state, (a, b) -> a.equals("firing") ? a : b);
    }
    return states;
  }

  /** The alerting rule named so, if the running Prometheus has one. */
  Optional<AlertRule> alertRule(String name) {
    try {
      for (JsonNode group : data(request("api/v1/rules").build(), null).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          if (rule.path("type").asText().equals("alerting")
              && rule.path("name").asText().equals(name)) {
            return Optional.of(
                new AlertRule(
                    name,
                    rule.path("query").asText(),
                    Duration.ofMillis(Math.round(rule.path("duration").asDouble() * 1000))));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // none known, then
    }
    return Optional.empty();
  }

  private Request.Builder request(String path) {
    return new Request.Builder().url(base.newBuilder().addPathSegments(path).build());
  }

  private JsonNode data(Request request, String query) throws IOException {
    Request withQuery =
        query == null
            ? request
            : request
                .newBuilder()
                .url(request.url().newBuilder().addQueryParameter("query", query).build())
                .build();
    try (Response response = http.newCall(withQuery).execute()) {
      JsonNode json = JSON.readTree(response.body().string());
      if (!response.isSuccessful() || !"success".equals(json.path("status").asText())) {
        throw new IOException(json.path("error").asText("Prometheus answered " + response.code()));
      }
      return json.path("data");
    }
  }
}
