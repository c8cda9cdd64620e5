package tutorial.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configs of prometheus/topology/ as shipped, rewritten as {@code ./topology} rewrites them
 * when the ports are not the shipped ones: each part's address moves to where the part listens now,
 * Alertmanager's webhook becomes the one given, and nothing else changes.
 */
class MoveAddressesTest {

  private static final Path SHIPPED = Path.of("../prometheus/topology");
  private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
  private static final String WEBHOOK = "http://hooks.example:8080/topology/alerts";

  static Stream<Arguments> moves() {
    return Stream.of(
        Arguments.of("free ports", (IntUnaryOperator) shipped -> FreePorts.next()),
        Arguments.of("--port-offset=20000", (IntUnaryOperator) shipped -> shipped + 20000));
  }

  /** Each part's shipped port and the port {@code move} gives it, one per region's agent. */
  private static Map<Integer, Integer> moved(IntUnaryOperator move) throws IOException {
    Map<Integer, Integer> moved = new TreeMap<>();
    for (Topology.Part part : Topology.Part.values()) {
      if (part != Topology.Part.SUITE
          && part != Topology.Part.AGENTS
          && part != Topology.Part.DRILLS) {
        moved.put(part.defaultPort, move.applyAsInt(part.defaultPort));
      }
    }
    for (int i = 0; i < agentConfigs().size(); i++) {
      int shipped = Topology.shippedAgentPort(i);
      moved.put(shipped, move.applyAsInt(shipped));
    }
    return moved;
  }

  private static List<Path> agentConfigs() throws IOException {
    try (Stream<Path> files = Files.list(SHIPPED)) {
      return files.filter(f -> f.getFileName().toString().matches("agent-.+\\.yml")).toList();
    }
  }

  private static List<Path> configs() throws IOException {
    try (Stream<Path> files = Files.list(SHIPPED)) {
      List<Path> configs = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
      assertThat(configs)
          .extracting(f -> f.getFileName().toString())
          .contains("central.yml", "alertmanager.yml", "agent-eu.yml", "agent-us.yml");
      return configs;
    }
  }

  /** The shipped lines, with the shipped webhook already the one given. */
  private static List<String> shippedLines(Path config) throws IOException {
    return Files.readAllLines(config).stream()
        .map(line -> line.replace("http://127.0.0.1:9097/alerts", WEBHOOK))
        .toList();
  }

  private static List<String> rewrittenLines(Path config, Map<Integer, Integer> moved)
      throws IOException {
    return Topology.moveAddresses(Files.readString(config), moved, WEBHOOK).lines().toList();
  }

  private static List<Integer> loopbackPorts(String line) {
    List<Integer> ports = new ArrayList<>();
    Matcher m = LOOPBACK.matcher(line);
    while (m.find()) {
      ports.add(Integer.parseInt(m.group(1)));
    }
    return ports;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void everyLoopbackAddressIsAPartsAndMovesToItsPortNow(String ports, IntUnaryOperator move)
      throws IOException {
    Map<Integer, Integer> moved = moved(move);
    Set<Integer> seen = new TreeSet<>();
    for (Path config : configs()) {
      List<String> shipped = shippedLines(config);
      List<String> rewritten = rewrittenLines(config, moved);

      assertThat(rewritten).as("%s with %s", config, ports).hasSameSizeAs(shipped);
      for (int i = 0; i < shipped.size(); i++) {
        List<Integer> before = loopbackPorts(shipped.get(i));
        seen.addAll(before);
        // an address of something that is not a part would stay where it is, and clash
        assertThat(moved.keySet()).as("%s line %d", config, i + 1).containsAll(before);
        assertThat(loopbackPorts(rewritten.get(i)))
            .as("%s line %d with %s", config, i + 1, ports)
            .isEqualTo(before.stream().map(moved::get).toList());
      }
      for (int shippedPort : List.of(5001, 9090, 9091, 9092, 9093, 9097, 8428)) {
        assertThat(String.join("\n", rewritten))
            .as("%s with %s", config, ports)
            .doesNotContain(":" + shippedPort);
      }
    }
    assertThat(seen).as("the parts' ports the shipped configs name").isEqualTo(moved.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void nothingButTheAddressesChanges(String ports, IntUnaryOperator move) throws IOException {
    Map<Integer, Integer> moved = moved(move);
    for (Path config : configs()) {
      List<String> shipped = shippedLines(config);
      List<String> rewritten = rewrittenLines(config, moved);

      assertThat(rewritten.stream().map(MoveAddressesTest::withoutPorts).toList())
          .as("%s with %s, loopback ports left out", config, ports)
          .isEqualTo(shipped.stream().map(MoveAddressesTest::withoutPorts).toList());
    }
  }

  private static String withoutPorts(String line) {
    return LOOPBACK.matcher(line).replaceAll("127.0.0.1:PORT");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void alertmanagerPostsToTheWebhookGiven(String ports, IntUnaryOperator move) throws IOException {
    List<String> rewritten = rewrittenLines(SHIPPED.resolve("alertmanager.yml"), moved(move));

    assertThat(rewritten)
        .filteredOn(line -> line.trim().startsWith("- url:"))
        .containsExactly("      - url: " + WEBHOOK);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moves")
  void aWebhookGivenOnAShippedPortStaysAsGiven(String ports, IntUnaryOperator move)
      throws IOException {
    String ownReceiver = "http://127.0.0.1:9090/hooks/alerts";

    String rewritten =
        Topology.moveAddresses(
            Files.readString(SHIPPED.resolve("alertmanager.yml")), moved(move), ownReceiver);

    assertThat(rewritten.lines().filter(line -> line.trim().startsWith("- url:")))
        .containsExactly("      - url: " + ownReceiver);
  }

  @Test
  void moreRegionsThanShippedGiveTheirAgentsPortsOfNoOtherPart() {
    Set<Integer> taken = new TreeSet<>();
    for (Topology.Part part : Topology.Part.values()) {
      if (part != Topology.Part.AGENTS) {
        taken.add(part.defaultPort);
      }
    }
    taken.add(9094); // Alertmanager's cluster port, were it switched on
    List<Integer> agents = new ArrayList<>();
    for (int region = 0; region < 5; region++) {
      agents.add(Topology.shippedAgentPort(region));
    }
    assertThat(agents.subList(0, 2)).containsExactly(9091, 9092);
    assertThat(agents).doesNotHaveDuplicates().doesNotContainAnyElementsOf(taken);
  }
}
