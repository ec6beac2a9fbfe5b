package dev.rollgate.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads built manifests into the published models of their kinds (fabric8's Kubernetes model, Strimzi's
 * API) and names every field a model does not have: those models keep unknown fields aside (their
 * {@code additionalProperties}) instead of refusing them, so a misspelt field would otherwise pass. The
 * kinds of operators without a Java model (CloudNativePG) are held to their published CRD schemas instead
 * ({@link CustomResourceSchemas}).
 */
final class ManifestModels {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1 Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1 ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1 Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1 Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("apps/v1 StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("policy/v1 PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("kafka.strimzi.io/v1 Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1 KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1 KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class));

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
    private static final ObjectMapper MODEL = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ManifestModels() {
    }

    /** What is wrong with the manifests, one line each: an unknown kind, a field no model has, a wrong type. */
    static List<String> problems(String manifests) throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : YAML.readValues(YAML.createParser(manifests), JsonNode.class).readAll()) {
            if (object == null || object.isEmpty()) {
                continue;
            }
            String kind = object.path("apiVersion").asText() + " " + object.path("kind").asText();
            String name = kind + " " + object.path("metadata").path("name").asText();
            Optional<JsonSchema> schema = CustomResourceSchemas.of(kind);
            if (schema.isPresent()) {
                problems.addAll(CustomResourceSchemas.problems(schema.get(), object, name));
                fits(object.path("metadata"), ObjectMeta.class, name + ".metadata", problems);
                continue;
            }
            Class<?> model = MODELS.get(kind);
            if (model == null) {
                problems.add(name + ": no model for this kind (add it to ManifestModels, or its CRD to"
                        + " CustomResourceSchemas)");
                continue;
            }
            fits(object, model, name, problems);
        }
        return problems;
    }

    private static void fits(JsonNode object, Class<?> model, String path, List<String> problems) {
        try {
            unknownFields(MODEL.treeToValue(object, model), path, problems, new IdentityHashMap<>());
        } catch (IOException e) {
            problems.add(path + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems, seen));
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.kubernetes.api.model") && !type.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            unknownFields(field, path + "." + fieldName(getter), problems, seen);
        }
    }

    private static String fieldName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
