package tutorial.common.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code OFFLINE=true}: the histogram and summary chapters without internet. */
class UpstreamStandInTest {

  private static final OkHttpClient HTTP = new OkHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void answersARepositoryInTheRealApisShape() throws IOException {
    try (UpstreamStandIn standIn = UpstreamStandIn.start(false)) {
      JsonNode first = get(standIn.baseUrl() + "/repos/a/b");
      JsonNode again = get(standIn.baseUrl() + "/repos/a/b");
      JsonNode other = get(standIn.baseUrl() + "/repos/prometheus/prometheus");

      assertThat(first.get("full_name").asText()).isEqualTo("a/b");
      assertThat(first.get("name").asText()).isEqualTo("b");
      assertThat(first.get("owner").get("login").asText()).isEqualTo("a");
      // a learner must be able to tell it from a real answer
      assertThat(first.get("stand_in").asBoolean()).isTrue();
      // the same name always gets the same answer, so a replayed tutorial step looks the same
      assertThat(again).isEqualTo(first);
      assertThat(other.get("full_name").asText()).isEqualTo("prometheus/prometheus");
      assertThat(other.get("id")).isNotEqualTo(first.get("id"));
    }
  }

  @Test
  void latencyIsTheSameSequenceInEveryRun() {
    for (long n = 0; n < 20; n++) {
      assertThat(UpstreamStandIn.latency(n)).isEqualTo(UpstreamStandIn.latency(n));
    }
    // and it does vary from request to request, or the histogram would show a single bucket
    assertThat(LongStream.range(0, 20).mapToObj(UpstreamStandIn::latency).distinct().count())
        .isGreaterThan(10);
  }

  @Test
  void latenciesLookLikeARealApis() {
    List<Duration> latencies = new ArrayList<>();
    for (long n = 0; n < 1000; n++) {
      latencies.add(UpstreamStandIn.latency(n));
    }
    Collections.sort(latencies);

    // mostly around 200 ms, as an API call across the internet takes
    assertThat(latencies.get(500)).isBetween(Duration.ofMillis(150), Duration.ofMillis(250));
    long usual =
        latencies.stream()
            .filter(d -> d.compareTo(Duration.ofMillis(50)) >= 0)
            .filter(d -> d.compareTo(Duration.ofSeconds(1)) <= 0)
            .count();
    assertThat(usual).isGreaterThanOrEqualTo(950);
    // a long tail, but never so long that the default 5 s read timeout turns it into a 504
    assertThat(latencies.get(999)).isLessThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(latencies.get(0)).isPositive();
  }

  private static JsonNode get(String url) throws IOException {
    try (Response response = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("application/json");
      return JSON.readTree(response.body().string());
    }
  }
}
