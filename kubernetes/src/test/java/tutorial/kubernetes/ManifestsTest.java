package tutorial.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tutorial.kubernetes.KindSchemas.RequiredField;

/**
 * The manifests in kubernetes/manifests/, offline: each document against the vendored JSON schema
 * of its kind, each required field shown to matter, and the references between the three documents
 * of a service that no schema can see.
 */
class ManifestsTest {

  private static final Path DIR = Path.of(System.getProperty("tutorial.kubernetes.dir", "."));
  private static final String VERSION = System.getProperty("tutorial.version", "1.0.0-SNAPSHOT");
  private static final List<String> SERVICES =
      List.of(
          "counters-app", "gauges-app", "histograms-app", "summaries-app", "custom-metrics-app");
  private static final List<String> KINDS = List.of("Deployment", "Service", "ServiceMonitor");

  private static final YAMLMapper yaml = new YAMLMapper();
  private static KindSchemas schemas;

  /** One service's manifest: its documents, by kind. */
  record Manifest(String service, List<JsonNode> documents) {
    JsonNode get(String kind) {
      return documents.stream()
          .filter(d -> d.path("kind").asText().equals(kind))
          .findFirst()
          .orElseThrow(() -> new AssertionError(service + ".yaml has no " + kind));
    }

    JsonNode container() {
      JsonNode containers = get("Deployment").at("/spec/template/spec/containers");
      assertThat(containers).as("%s: containers", service).hasSize(1);
      return containers.get(0);
    }

    String name(JsonNode document) {
      return service + ".yaml " + document.path("kind").asText();
    }
  }

  @BeforeAll
  static void loadSchemas() {
    schemas = new KindSchemas(DIR.resolve("schemas"));
  }

  private static List<Manifest> manifests() {
    return SERVICES.stream().map(ManifestsTest::manifest).toList();
  }

  private static Manifest manifest(String service) {
    try (var documents =
        yaml.readValues(yaml.createParser(file(service).toFile()), JsonNode.class)) {
      return new Manifest(service, documents.readAll());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path file(String service) {
    return DIR.resolve("manifests").resolve(service + ".yaml");
  }

  @Test
  void eachServiceHasAManifestOfADeploymentAServiceAndAServiceMonitor() throws IOException {
    try (Stream<Path> files = Files.list(DIR.resolve("manifests"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> s + ".yaml").toList());
    }
    for (Manifest manifest : manifests()) {
      assertThat(manifest.documents())
          .as(manifest.service())
          .extracting(d -> d.path("kind").asText())
          .containsExactlyElementsOf(KINDS);
      for (JsonNode document : manifest.documents()) {
        assertThat(document.at("/metadata/name").asText())
            .as(manifest.name(document))
            .isEqualTo(manifest.service());
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentIsValidAgainstTheSchemaOfItsKind() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Manifest manifest : manifests()) {
      for (JsonNode document : manifest.documents()) {
        tests.add(
            dynamicTest(
                manifest.name(document),
                () -> {
                  assertThat(messages(schemas.validate(document))).isEmpty();
                  assertThat(schemas.of(document).undeclaredFields(document))
                      .as("undeclared fields (strict field validation refuses them)")
                      .isEmpty();
                }));
      }
    }
    assertThat(tests).hasSize(SERVICES.size() * KINDS.size());
    return tests.stream();
  }

  @Test
  void aKindWithoutAVendoredSchemaFails() throws IOException {
    JsonNode configMap = yaml.readTree("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    assertThatThrownBy(() -> schemas.validate(configMap))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no vendored schema for 'v1 ConfigMap'");
    // the kind is known, its version is not
    JsonNode oldDeployment = yaml.readTree("apiVersion: apps/v1beta1\nkind: Deployment\n");
    assertThatThrownBy(() -> schemas.validate(oldDeployment))
        .hasMessageContaining("no vendored schema for 'apps/v1beta1 Deployment'");
  }

  /**
   * For each field a document has that its schema requires, the document without it must fail: the
   * schemas are really applied, down to the nested definitions they refer to.
   */
  @TestFactory
  Stream<DynamicTest> removingARequiredFieldFailsValidation() {
    Map<String, Set<String>> foundByKind = new TreeMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Manifest manifest : manifests()) {
      for (JsonNode document : manifest.documents()) {
        KindSchemas.Kind kind = schemas.of(document);
        List<RequiredField> required = kind.requiredFields(document);
        for (RequiredField field : required) {
          foundByKind
              .computeIfAbsent(document.path("kind").asText(), k -> new TreeSet<>())
              .add(field.path().replaceAll("/\\d+(/|$)", "/*$1"));
          tests.add(
              dynamicTest(
                  manifest.name(document) + " without " + field.path(),
                  () -> {
                    JsonNode without = document.deepCopy();
                    ((ObjectNode) without.at(field.object())).remove(field.key());
                    // against the document's own kind: without apiVersion or kind it names none
                    List<Error> errors = kind.schema().validate(without);
                    assertThat(errors)
                        .as("%s without %s: %s", manifest.name(document), field.path(), errors)
                        .anySatisfy(
                            error -> {
                              assertThat(error.getKeyword()).isEqualTo("required");
                              assertThat(error.getProperty()).isEqualTo(field.key());
                              assertThat(error.getInstanceLocation()).hasToString(field.object());
                            });
                  }));
        }
      }
    }
    // the walk must find what the kinds are known to require, so the test cannot pass on nothing
    assertThat(foundByKind.get("Deployment"))
        .contains(
            "/apiVersion",
            "/kind",
            "/spec/selector",
            "/spec/template",
            "/spec/template/spec/containers",
            "/spec/template/spec/containers/*/name",
            "/spec/template/spec/containers/*/ports/*/containerPort",
            "/spec/template/spec/containers/*/env/*/name",
            "/spec/template/spec/containers/*/livenessProbe/httpGet/port",
            "/spec/template/spec/securityContext/seccompProfile/type");
    assertThat(foundByKind.get("Service")).contains("/apiVersion", "/kind", "/spec/ports/*/port");
    assertThat(foundByKind.get("ServiceMonitor"))
        .contains("/apiVersion", "/kind", "/spec", "/spec/selector", "/spec/endpoints");
    assertThat(tests).hasSizeGreaterThanOrEqualTo(SERVICES.size() * 25);
    System.out.printf(
        "ManifestsTest: %d required-field removals to check, %s%n",
        tests.size(),
        foundByKind.entrySet().stream()
            .map(e -> e.getValue().size() + " required paths in " + e.getKey())
            .collect(Collectors.joining(", ")));
    return tests.stream();
  }

  /**
   * None of the vendored schemas forbids fields it does not declare (no {@code
   * additionalProperties: false}: neither the Kubernetes OpenAPI nor the CRD says it, and update.sh
   * adds nothing), so a misspelled optional field passes the schema and fails only the walk for
   * undeclared fields; a misspelled required one fails the schema, as a required field gone
   * missing.
   */
  @Test
  void aMisspelledFieldFailsTheSchemaOnlyWhereTheSchemaForbidsUnknownFields() throws IOException {
    for (String file : KindSchemas.FILES.values()) {
      assertThat(Files.readString(DIR.resolve("schemas").resolve(file)))
          .as(file)
          .doesNotContain("\"additionalProperties\" : false")
          .doesNotContain("\"additionalProperties\": false");
    }
    Manifest manifest = manifest("counters-app");

    // an optional field misspelled: imagePullPolicy
    JsonNode deployment = manifest.get("Deployment").deepCopy();
    ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    container.set("imagePullPolcy", container.remove("imagePullPolicy"));
    assertMisspelling(deployment, "/spec/template/spec/containers/0", "imagePullPolcy");

    // a field added beside the one it misspells: containres next to containers
    deployment = manifest.get("Deployment").deepCopy();
    ObjectNode podSpec = (ObjectNode) deployment.at("/spec/template/spec");
    podSpec.set("containres", podSpec.get("containers").deepCopy());
    assertMisspelling(deployment, "/spec/template/spec", "containres");

    // a Service whose selector is misspelled would select no pod: the schema cannot tell
    JsonNode service = manifest.get("Service").deepCopy();
    ObjectNode serviceSpec = (ObjectNode) service.at("/spec");
    serviceSpec.set("selecter", serviceSpec.remove("selector"));
    assertMisspelling(service, "/spec", "selecter");

    // the CRD's endpoint, too
    JsonNode serviceMonitor = manifest.get("ServiceMonitor").deepCopy();
    ObjectNode endpoint = (ObjectNode) serviceMonitor.at("/spec/endpoints/0");
    endpoint.set("intervall", endpoint.remove("interval"));
    assertMisspelling(serviceMonitor, "/spec/endpoints/0", "intervall");

    // a required field misspelled: the schema fails it, for the field it no longer has
    deployment = manifest.get("Deployment").deepCopy();
    podSpec = (ObjectNode) deployment.at("/spec/template/spec");
    podSpec.set("containres", podSpec.remove("containers"));
    assertThat(messages(schemas.validate(deployment))).isNotEmpty();
  }

  private static void assertMisspelling(JsonNode document, String object, String key) {
    KindSchemas.Kind kind = schemas.of(document);
    JsonNode additional = kind.schemaAt(document, object).path("additionalProperties");
    boolean forbidden = additional.isBoolean() && !additional.asBoolean();
    List<String> errors = messages(schemas.validate(document));
    if (forbidden) {
      assertThat(errors).as("%s%s/%s", document.path("kind"), object, key).isNotEmpty();
    } else {
      assertThat(errors).as("%s%s/%s", document.path("kind"), object, key).isEmpty();
    }
    assertThat(kind.undeclaredFields(document)).containsExactly(object + "/" + key);
  }

  @Test
  void theServiceSelectsTheDeploymentsPods() {
    for (Manifest manifest : manifests()) {
      JsonNode deployment = manifest.get("Deployment");
      Map<String, String> podLabels = strings(deployment.at("/spec/template/metadata/labels"));
      assertThat(strings(deployment.at("/spec/selector/matchLabels")))
          .as("%s: Deployment selector", manifest.service())
          .isNotEmpty();
      assertThat(podLabels)
          .as("%s: the Deployment's selector matches its own pods", manifest.service())
          .containsAllEntriesOf(strings(deployment.at("/spec/selector/matchLabels")));
      assertThat(deployment.at("/spec/selector/matchExpressions").isMissingNode()).isTrue();

      Map<String, String> serviceSelector = strings(manifest.get("Service").at("/spec/selector"));
      assertThat(serviceSelector).as("%s: Service selector", manifest.service()).isNotEmpty();
      assertThat(podLabels)
          .as("%s: the Service selects the pods", manifest.service())
          .containsAllEntriesOf(serviceSelector);
    }
  }

  @Test
  void theServiceMonitorSelectsTheServiceAndScrapesItsPort() {
    for (Manifest manifest : manifests()) {
      JsonNode service = manifest.get("Service");
      JsonNode monitor = manifest.get("ServiceMonitor");
      Map<String, String> selector = strings(monitor.at("/spec/selector/matchLabels"));
      assertThat(selector).as("%s: ServiceMonitor selector", manifest.service()).isNotEmpty();
      assertThat(monitor.at("/spec/selector/matchExpressions").isMissingNode()).isTrue();
      assertThat(strings(service.at("/metadata/labels")))
          .as("%s: the ServiceMonitor selects the Service", manifest.service())
          .containsAllEntriesOf(selector);

      Set<String> servicePorts = names(service.at("/spec/ports"), p -> p.path("name").asText());
      JsonNode endpoints = monitor.at("/spec/endpoints");
      assertThat(endpoints).hasSize(1);
      JsonNode endpoint = endpoints.get(0);
      assertThat(servicePorts)
          .as("%s: the endpoint's port names a Service port", manifest.service())
          .contains(endpoint.path("port").asText());
      assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
      assertThat(endpoint.path("interval").asText()).isEqualTo("15s");
    }
  }

  /**
   * The labels the Prometheus Operator gives each target of a ServiceMonitor. A metric's label of
   * the same name would be renamed exported_&lt;name&gt; (honor_labels is false), so each one the
   * services use must be dropped from the target.
   */
  private static final Set<String> OPERATOR_TARGET_LABELS =
      Set.of("namespace", "service", "pod", "container", "node", "job", "endpoint", "instance");

  @Test
  void theOperatorsTargetLabelsLeaveTheServicesLabelsAlone() throws IOException {
    Set<String> clashes = new TreeSet<>();
    Pattern label = Pattern.compile("[{,]([a-zA-Z_][a-zA-Z0-9_]*)=\"");
    try (Stream<Path> steps = Files.walk(Path.of(System.getProperty("tutorial.steps.dir")))) {
      for (Path step : steps.filter(Files::isRegularFile).toList()) {
        for (String line : Files.readAllLines(step)) {
          Matcher m = label.matcher(line);
          while (!line.startsWith("#") && m.find()) {
            if (OPERATOR_TARGET_LABELS.contains(m.group(1))) {
              clashes.add(m.group(1));
            }
          }
        }
      }
    }
    // histograms-app's and summaries-app's request metrics: {method="GET",endpoint="/repos"}
    assertThat(clashes).contains("endpoint");
    for (Manifest manifest : manifests()) {
      JsonNode relabelings = manifest.get("ServiceMonitor").at("/spec/endpoints/0/relabelings");
      Set<String> dropped = new TreeSet<>();
      for (JsonNode relabeling : relabelings) {
        if (relabeling.path("action").asText().equals("labeldrop")) {
          Pattern regex = Pattern.compile(relabeling.path("regex").asText());
          OPERATOR_TARGET_LABELS.stream()
              .filter(l -> regex.matcher(l).matches())
              .forEach(dropped::add);
        }
      }
      assertThat(dropped).as("%s: target labels dropped", manifest.service()).isEqualTo(clashes);
    }
  }

  @Test
  void theServicePortsLeadToTheContainersPort() {
    for (Manifest manifest : manifests()) {
      JsonNode container = manifest.container();
      for (JsonNode port : manifest.get("Service").at("/spec/ports")) {
        assertThat(isContainerPort(container, port.path("targetPort")))
            .as(
                "%s: Service port %s's targetPort %s",
                manifest.service(), port, port.path("targetPort"))
            .isTrue();
      }
    }
  }

  @Test
  void theProbesAskForHealthOnTheContainersPort() {
    for (Manifest manifest : manifests()) {
      JsonNode container = manifest.container();
      for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertThat(httpGet.path("path").asText())
            .as("%s: %s path", manifest.service(), probe)
            .isEqualTo("/health");
        assertThat(isContainerPort(container, httpGet.path("port")))
            .as("%s: %s port %s", manifest.service(), probe, httpGet.path("port"))
            .isTrue();
      }
    }
  }

  @Test
  void thePortVariableIsTheContainersPort() {
    for (Manifest manifest : manifests()) {
      JsonNode container = manifest.container();
      Map<String, String> env = new TreeMap<>();
      container
          .path("env")
          .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
      JsonNode ports = container.path("ports");
      assertThat(ports).as(manifest.service()).hasSize(1);
      assertThat(env)
          .as("%s: PORT is what the service listens on", manifest.service())
          .containsEntry("PORT", ports.get(0).path("containerPort").asText());
    }
  }

  @Test
  void labelsImageAndUserAgreeWithTheDockerfile() throws IOException {
    String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
    Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(dockerfile);
    assertThat(user.find()).as("the Dockerfile's numeric USER").isTrue();
    Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)$").matcher(dockerfile);
    assertThat(expose.find()).as("the Dockerfile's EXPOSE").isTrue();

    for (Manifest manifest : manifests()) {
      Map<String, String> labels =
          Map.of(
              "app.kubernetes.io/name",
              manifest.service(),
              "app.kubernetes.io/part-of",
              "instrumentation-tutorial");
      for (JsonNode document : manifest.documents()) {
        assertThat(strings(document.at("/metadata/labels")))
            .as(manifest.name(document))
            .containsAllEntriesOf(labels);
      }
      JsonNode deployment = manifest.get("Deployment");
      assertThat(strings(deployment.at("/spec/template/metadata/labels")))
          .containsAllEntriesOf(labels);

      JsonNode container = manifest.container();
      assertThat(container.path("image").asText())
          .isEqualTo("instrumentation-tutorial/" + manifest.service() + ":" + VERSION);
      assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
      assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(expose.group(1));

      JsonNode podSecurity = deployment.at("/spec/template/spec/securityContext");
      assertThat(podSecurity.path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(podSecurity.path("runAsUser").asText()).isEqualTo(user.group(1));
      assertThat(podSecurity.path("runAsGroup").asText()).isEqualTo(user.group(2));
    }
  }

  @Test
  void theRequestsAreWithinTheLimits() {
    for (Manifest manifest : manifests()) {
      JsonNode resources = manifest.container().path("resources");
      for (String resource : List.of("memory", "cpu")) {
        double request = quantity(resources.at("/requests/" + resource).asText());
        double limit = quantity(resources.at("/limits/" + resource).asText());
        assertThat(request).as("%s: %s request", manifest.service(), resource).isPositive();
        assertThat(limit).as("%s: %s limit", manifest.service(), resource).isGreaterThan(request);
      }
    }
  }

  /** The few quantity forms the manifests use: 128Mi, 100m, 1. */
  private static double quantity(String text) {
    Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(Mi|Gi|m)?").matcher(text);
    assertThat(m.matches()).as("a quantity: %s", text).isTrue();
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2);
    return switch (unit) {
      case "Mi" -> value * 1024 * 1024;
      case "Gi" -> value * 1024 * 1024 * 1024;
      case "m" -> value / 1000;
      default -> value;
    };
  }

  /** A port given by number or by name, as targetPort and a probe's port may be. */
  private static boolean isContainerPort(JsonNode container, JsonNode port) {
    for (JsonNode p : container.path("ports")) {
      if (port.isInt()
          ? p.path("containerPort").asInt() == port.asInt()
          : p.path("name").asText().equals(port.asText())) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static Set<String> names(JsonNode array, Function<JsonNode, String> name) {
    return StreamSupport.stream(array.spliterator(), false).map(name).collect(Collectors.toSet());
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }
}
