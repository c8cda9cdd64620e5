package tutorial.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendored JSON schema of each kind the manifests use (kubernetes/schemas/), found by a
 * document's apiVersion and kind, with a walk of a document beside its schema for what validation
 * alone does not say: which fields the schema requires, and which it does not declare.
 */
final class KindSchemas {

  /** apiVersion and kind, to the file update.sh writes for them. */
  static final Map<String, String> FILES =
      Map.of(
          "apps/v1 Deployment",
          "deployment-apps-v1.json",
          "v1 Service",
          "service-v1.json",
          "monitoring.coreos.com/v1 ServiceMonitor",
          "servicemonitor-monitoring.coreos.com-v1.json");

  /** A field that a document has and its schema requires: the object's JSON pointer and the key. */
  record RequiredField(String object, String key) {
    String path() {
      return object + "/" + key;
    }
  }

  private final Map<String, Kind> kinds = new LinkedHashMap<>();

  KindSchemas(Path dir) {
    // The formats JSON Schema defines are asserted, as the packages' own validator (Ajv) asserts
    // them. Kubernetes' own formats are not among them and go unchecked: a containerPort past
    // int32 or a memory of "lots" passes here (their types are still checked), where the API
    // server would refuse it.
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    ObjectMapper json = new ObjectMapper();
    FILES.forEach(
        (key, file) -> {
          try {
            JsonNode root = json.readTree(dir.resolve(file).toFile());
            kinds.put(key, new Kind(root, registry.getSchema(root)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The kind of a document, by its apiVersion and kind; one without a vendored schema fails. */
  Kind of(JsonNode document) {
    String key = document.path("apiVersion").asText() + " " + document.path("kind").asText();
    Kind kind = kinds.get(key);
    if (kind == null) {
      throw new IllegalArgumentException(
          "no vendored schema for '" + key + "'; the manifests may use only " + FILES.keySet());
    }
    return kind;
  }

  List<Error> validate(JsonNode document) {
    return of(document).schema().validate(document);
  }

  /** One kind's schema: the JSON document (for the walks) and the validator built from it. */
  record Kind(JsonNode root, Schema schema) {

    /** The object schemas the document's objects meet on the way down. */
    interface Visitor {
      void visit(String pointer, JsonNode object, JsonNode schema);
    }

    /** Every field the document has that the schema of its object lists as required. */
    List<RequiredField> requiredFields(JsonNode document) {
      List<RequiredField> found = new ArrayList<>();
      walk(
          document,
          (pointer, object, schema) ->
              schema
                  .path("required")
                  .forEach(
                      key -> {
                        if (object.has(key.asText())) {
                          found.add(new RequiredField(pointer, key.asText()));
                        }
                      }));
      return found;
    }

    /**
     * The fields the schema does not declare, where it declares the object's fields (has {@code
     * properties}) and says nothing of others (no {@code additionalProperties}): JSON Schema lets
     * them pass, and so do these schemas; the API server's strict field validation, which kubectl
     * asks for by default, refuses them.
     */
    List<String> undeclaredFields(JsonNode document) {
      List<String> found = new ArrayList<>();
      walk(
          document,
          (pointer, object, schema) -> {
            if (schema.has("properties") && !schema.has("additionalProperties")) {
              object
                  .fieldNames()
                  .forEachRemaining(
                      key -> {
                        if (!schema.path("properties").has(key)) {
                          found.add(pointer + "/" + key);
                        }
                      });
            }
          });
      return found;
    }

    /** The schema of the object at a pointer of the document, as the walk finds it. */
    JsonNode schemaAt(JsonNode document, String pointer) {
      JsonNode[] found = {null};
      walk(
          document,
          (at, object, schema) -> {
            if (at.equals(pointer)) {
              found[0] = schema;
            }
          });
      if (found[0] == null) {
        throw new IllegalArgumentException("no object at " + pointer);
      }
      return found[0];
    }

    void walk(JsonNode document, Visitor visitor) {
      walk(document, root, "", visitor);
    }

    private void walk(JsonNode instance, JsonNode schema, String pointer, Visitor visitor) {
      JsonNode resolved = branchFor(schema, instance);
      if (resolved == null) {
        return; // no branch takes this instance: validation reports it
      }
      if (instance.isObject()) {
        visitor.visit(pointer, instance, resolved);
        for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          JsonNode child = resolved.path("properties").get(field.getKey());
          if (child == null && resolved.path("additionalProperties").isObject()) {
            child = resolved.get("additionalProperties");
          }
          if (child != null) {
            walk(field.getValue(), child, pointer + "/" + escape(field.getKey()), visitor);
          }
        }
      } else if (instance.isArray() && resolved.has("items")) {
        for (int i = 0; i < instance.size(); i++) {
          walk(instance.get(i), resolved.get("items"), pointer + "/" + i, visitor);
        }
      }
    }

    /** The schema that applies to an instance: references followed, oneOf/anyOf chosen by type. */
    private JsonNode branchFor(JsonNode schema, JsonNode instance) {
      JsonNode resolved = resolve(schema);
      for (String combinator : List.of("oneOf", "anyOf")) {
        if (resolved.has(combinator)) {
          for (JsonNode branch : resolved.get(combinator)) {
            JsonNode chosen = branchFor(branch, instance);
            if (chosen != null && allowsType(chosen, instance)) {
              return chosen;
            }
          }
          return null;
        }
      }
      return allowsType(resolved, instance) ? resolved : null;
    }

    private JsonNode resolve(JsonNode schema) {
      while (schema.has("$ref")) {
        String ref = schema.get("$ref").asText();
        if (!ref.startsWith("#/")) {
          throw new IllegalStateException("a vendored schema refers outside itself: " + ref);
        }
        schema = root.at(ref.substring(1));
        if (schema.isMissingNode()) {
          throw new IllegalStateException("a vendored schema refers to nothing: " + ref);
        }
      }
      return schema;
    }

    private static boolean allowsType(JsonNode schema, JsonNode instance) {
      JsonNode type = schema.get("type");
      if (type == null) {
        return true;
      }
      String actual = typeOf(instance);
      for (JsonNode allowed : type.isArray() ? type : List.of(type)) {
        String name = allowed.asText();
        if (name.equals(actual) || (name.equals("number") && actual.equals("integer"))) {
          return true;
        }
      }
      return false;
    }

    private static String typeOf(JsonNode instance) {
      return switch (instance.getNodeType()) {
        case OBJECT -> "object";
        case ARRAY -> "array";
        case STRING -> "string";
        case BOOLEAN -> "boolean";
        case NULL -> "null";
        case NUMBER -> instance.isIntegralNumber() ? "integer" : "number";
        default -> instance.getNodeType().name().toLowerCase();
      };
    }

    private static String escape(String key) {
      return key.replace("~", "~0").replace("/", "~1");
    }
  }
}
