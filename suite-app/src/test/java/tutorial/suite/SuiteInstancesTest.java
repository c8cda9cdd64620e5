package tutorial.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --instances}, {@code --services}, {@code --regions} and {@code --targets-file}: replicas
 * of the chosen services, each its own server, listed for Prometheus's file-based discovery.
 */
class SuiteInstancesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();

  @TempDir Path dir;

  private static Suite.Flags flags(String... args) {
    Suite.Flags flags = new Suite.Flags();
    CommandLine commandLine = Suite.commandLine(flags);
    commandLine.parseArgs(args);
    flags.check(commandLine);
    return flags;
  }

  private static String get(int port, String path) throws IOException {
    Request request = new Request.Builder().url("http://127.0.0.1:" + port + path).build();
    try (Response response = HTTP.newCall(request).execute()) {
      assertThat(response.code()).as("%s on %d", path, port).isEqualTo(200);
      return response.body().string();
    }
  }

  @Test
  void startsEachChosenServiceNTimesAndListsEveryInstanceInTheTargetFile() throws IOException {
    Path file = dir.resolve("targets/suite.json");
    Suite.Flags flags =
        flags(
            "--base-port=0",
            "--host=127.0.0.1",
            "--instances=3",
            "--regions=eu,us",
            "--services=histograms-app,counters-app",
            "--targets-file=" + file);
    List<Integer> ports;
    try (Suite suite = Suite.start(flags)) {
      List<Suite.Running> running = suite.services();
      ports = running.stream().map(Suite.Running::port).toList();
      // instance by instance, each in the tutorial's order whatever the order of --services
      assertThat(running)
          .extracting(r -> r.name() + "#" + r.instance() + "@" + r.region())
          .containsExactly(
              "counters-app#1@eu",
              "histograms-app#1@eu",
              "counters-app#2@us",
              "histograms-app#2@us",
              "counters-app#3@eu",
              "histograms-app#3@eu");
      assertThat(running).extracting(Suite.Running::port).doesNotHaveDuplicates();

      // every instance, then the stand-in they share, a target too (its drills break its up)
      JsonNode groups = JSON.readTree(file.toFile());
      assertThat(groups).hasSize(7);
      JsonNode standIn = groups.get(6);
      assertThat(standIn.path("labels").path("job").asText()).isEqualTo("repository-api");
      assertThat(standIn.path("labels").path("region").asText()).isEqualTo("eu");
      int drillPort = Integer.parseInt(standIn.path("targets").get(0).asText().split(":")[1]);
      assertThat(get(drillPort, "/metrics"))
          .contains("repository_api_drill{repository_api_drill=\"none\"} 1");
      List<String> listed = new ArrayList<>();
      for (int i = 0; i < running.size(); i++) {
        Suite.Running instance = running.get(i);
        JsonNode group = groups.get(i);
        assertThat(group.path("targets"))
            .extracting(JsonNode::asText)
            .containsExactly("127.0.0.1:" + instance.port());
        assertThat(group.path("labels").path("job").asText())
            .isEqualTo(instance.name().replace("-app", ""));
        assertThat(group.path("labels").path("region").asText()).isEqualTo(instance.region());
        listed.add(get(instance.port(), "/metrics"));
      }
      // each instance is a server with its own registry: counting on one leaves the others at 0
      get(running.get(0).port(), "/");
      assertThat(get(running.get(0).port(), "/metrics")).contains("home_page_visits_total 1.0");
      assertThat(get(running.get(2).port(), "/metrics")).contains("home_page_visits_total 0.0");
      assertThat(listed.get(1)).contains("# TYPE request_duration_seconds histogram");
    }
    // stopped on purpose: nothing left for Prometheus to scrape, nor to alert on
    assertThat(JSON.readTree(file.toFile())).isEmpty();
    for (int port : ports) {
      assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void withoutRegionsTheTargetsCarryTheJobOnly() throws IOException {
    Path file = dir.resolve("suite.json");
    try (Suite suite =
        Suite.start(
            flags(
                "--base-port=0",
                "--host=127.0.0.1",
                "--services=gauges-app",
                "--targets-file=" + file))) {
      JsonNode group = JSON.readTree(file.toFile()).get(0);
      assertThat(group.path("labels").properties())
          .extracting(e -> e.getKey() + "=" + e.getValue().asText())
          .containsExactly("job=gauges");
      assertThat(suite.services()).hasSize(1);
      assertThat(Files.readString(file)).doesNotContain("region");
    }
  }

  @Test
  void theDefaultIsOneInstanceOfAllFiveAndNoTargetFile() {
    Suite.Flags flags = flags();
    assertThat(flags.instances).isEqualTo(1);
    assertThat(flags.chosen()).containsExactly(0, 1, 2, 3, 4);
    assertThat(flags.region(1)).isNull();
    assertThat(flags.targetsFile).isNull();
  }

  @Test
  void badSettingsStopTheStartWithAReason() {
    String[][] cases = {
      {"--services=counters-app,nope-app", "no service nope-app"},
      {"--services=counters-app,counters-app", "at most once"},
      {"--instances=0", "--instances must be from 1 to 20"},
      {"--instances=21", "--instances must be from 1 to 20"},
      {"--regions=EU", "not a region name"},
      {"--regions=eu,eu", "each region once"},
      {"--regions=eu west", "not a region name"},
      // ten ports from 65530 would pass 65535
      {"--instances=2", "--base-port=65530", "a port from 1 to 65526 (for 10 services)"},
    };
    for (String[] c : cases) {
      String[] args = Arrays.copyOf(c, c.length - 1);
      assertThatThrownBy(() -> flags(args))
          .as(String.join(" ", args))
          .isInstanceOf(ParameterException.class)
          .hasMessageContaining(c[c.length - 1]);
    }
  }
}
