package dev.rollgate.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The published CRD schemas of the operators that publish no Java model (CloudNativePG and its Barman Cloud
 * plugin), kept as test resources (src/test/resources/crds, with their source and license), applied to an
 * object as the API server applies them.
 */
final class CustomResourceSchemas {

    /** Pinned releases: docs/operations.md names them; crds/README.md says why these. */
    private static final List<String> CRDS = List.of(
            "crds/cloudnative-pg-1.26.3/postgresql.cnpg.io_clusters.yaml",
            "crds/cloudnative-pg-1.26.3/postgresql.cnpg.io_scheduledbackups.yaml",
            "crds/plugin-barman-cloud-0.14.0/barmancloud.cnpg.io_objectstores.yaml");

    private static final String PRESERVE_UNKNOWN_FIELDS = "x-kubernetes-preserve-unknown-fields";

    // OpenAPI 3.0 schemas are draft 4 JSON Schema with extensions (exclusiveMaximum a boolean, as in draft 4).
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
    private static final Map<String, JsonSchema> SCHEMAS = load();

    private CustomResourceSchemas() {
    }

    /** The schema of "apiVersion kind" (e.g. "postgresql.cnpg.io/v1 Cluster"), if a pinned CRD serves it. */
    static Optional<JsonSchema> of(String kind) {
        return Optional.ofNullable(SCHEMAS.get(kind));
    }

    /** One line per violation: a field the schema does not name, a wrong type, a value outside its enum, ... */
    static List<String> problems(JsonSchema schema, JsonNode object, String name) {
        return schema.validate(object).stream().map(CustomResourceSchemas::described).sorted()
                .map(message -> name + ": " + message).toList();
    }

    // The validator names the rule that was broken, not the value that broke it.
    private static String described(ValidationMessage message) {
        JsonNode value = message.getInstanceNode();
        return value != null && value.isValueNode() ? message.getMessage() + " (found " + value + ")" : message.getMessage();
    }

    private static Map<String, JsonSchema> load() {
        YAMLMapper yaml = new YAMLMapper();
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (String resource : CRDS) {
            try (InputStream in = CustomResourceSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + resource);
                }
                JsonNode crd = yaml.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    JsonNode schema = closed(version.path("schema").path("openAPIV3Schema").deepCopy());
                    schemas.put(group + "/" + version.path("name").asText() + " " + kind, FACTORY.getSchema(schema, CONFIG));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return Map.copyOf(schemas);
    }

    /**
     * The API server drops a field that an object's schema does not name (and, with kubectl's strict field
     * validation, refuses it) unless the schema preserves unknown fields; JSON Schema lets it through. So
     * every object schema here is closed, except the root metadata, which the API server checks as ObjectMeta
     * (ManifestModels reads it into fabric8's ObjectMeta).
     */
    private static JsonNode closed(ObjectNode root) {
        close(root);
        ((ObjectNode) root.path("properties").path("metadata")).remove("additionalProperties");
        return root;
    }

    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean preserves = node.path(PRESERVE_UNKNOWN_FIELDS).asBoolean(false);
        if (node.path("type").asText().equals("object") && !preserves && !node.has("additionalProperties")) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(CustomResourceSchemas::close);
        close(node.get("additionalProperties"));
        close(node.get("items"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(CustomResourceSchemas::close);
        }
    }
}
