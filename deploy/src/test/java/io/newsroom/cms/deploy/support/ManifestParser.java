package io.newsroom.cms.deploy.support;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Strict offline validation of rendered manifests against the Kubernetes API types: every object is
 * unmarshalled into its fabric8 model class (operator resources into {@link OperatorResources}),
 * and the parse fails on what the API server would refuse — an unknown kind, an unknown field
 * (fabric8 keeps those in {@code additionalProperties}; we walk the tree for them) and a value of
 * the wrong JSON type (a string where an integer or boolean belongs, a number or boolean where a
 * string belongs).
 */
public final class ManifestParser {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static final JsonMapper JSON = new JsonMapper();

    private final KubernetesSerialization serialization = new KubernetesSerialization(strictMapper(), true);

    /** The parsed manifests and every problem found; a valid input has no problems. */
    public record Result(List<Manifest> manifests, List<String> problems) {
    }

    public Result parse(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                index++;
                if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                parseDocument(index, document, manifests, problems);
            }
        } catch (IOException | RuntimeException e) {
            problems.add("document " + (index + 1) + ": not valid YAML: " + rootMessage(e));
        }
        return new Result(List.copyOf(manifests), List.copyOf(problems));
    }

    private void parseDocument(int index, JsonNode document, List<Manifest> manifests, List<String> problems) {
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        String name = document.path("metadata").path("name").asText("");
        String namespace = document.path("metadata").path("namespace").asText(null);
        String where = "document " + index + " (" + (kind.isEmpty() ? "?" : kind) + "/" + (name.isEmpty() ? "?" : name) + ")";
        if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
            problems.add(where + ": apiVersion, kind and metadata.name are required");
            return;
        }
        String json = document.toString();
        Object typed;
        try {
            Class<?> operatorModel = OperatorResources.MODELS.get(apiVersion + "/" + kind);
            typed = operatorModel != null
                    ? serialization.unmarshal(json, operatorModel)
                    : serialization.unmarshal(json, KubernetesResource.class);
        } catch (RuntimeException e) {
            problems.add(where + ": " + rootMessage(e));
            return;
        }
        if (typed instanceof GenericKubernetesResource) {
            problems.add(where + ": " + apiVersion + " " + kind
                    + " is neither a Kubernetes API type nor a known operator resource (see OperatorResources)");
            return;
        }
        List<String> found = new ArrayList<>();
        findUnknownFields(typed, "", found, 0);
        JsonNode roundTrip = readTree(serialization.asJson(typed));
        compareTypes(document, roundTrip, "", found);
        found.forEach(problem -> problems.add(where + ": " + problem));
        if (found.isEmpty()) {
            manifests.add(new Manifest(apiVersion, kind, name, namespace, typed, document));
        }
    }

    /** fabric8 model objects keep fields they do not know in additionalProperties: each one is a typo. */
    private static void findUnknownFields(Object value, String path, List<String> problems, int depth) {
        if (value == null || depth > 64 || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Quantity || value instanceof IntOrString) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> findUnknownFields(item, path + "." + key, problems, depth + 1));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                findUnknownFields(item, path + "[" + i++ + "]", problems, depth + 1);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                findUnknownFields(invoke(component, value), path + "." + component.getName(), problems, depth + 1);
            }
            return;
        }
        if (!type.getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if ("additionalProperties".equals(field.getName())) {
                    if (fieldValue instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        unknown.keySet().forEach(key -> problems.add("unknown field " + path.replaceFirst("^\\.", "")
                                + (path.isEmpty() ? "" : ".") + key));
                    }
                } else {
                    findUnknownFields(fieldValue, path + "." + field.getName(), problems, depth + 1);
                }
            }
        }
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * fabric8 reads "3" into an int32 field and "0644" into a file mode, which the API server refuses;
     * the typed model written back shows a number where the input had a string.
     */
    private static void compareTypes(JsonNode original, JsonNode typed, String path, List<String> problems) {
        if (typed == null || typed.isMissingNode() || typed.isNull()) {
            return;
        }
        if (original.isObject() && typed.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) original::fields) {
                compareTypes(field.getValue(), typed.get(field.getKey()), path + "." + field.getKey(), problems);
            }
        } else if (original.isArray() && typed.isArray()) {
            Iterator<JsonNode> typedItems = typed.iterator();
            int i = 0;
            for (JsonNode item : original) {
                if (!typedItems.hasNext()) {
                    return;
                }
                compareTypes(item, typedItems.next(), path + "[" + i++ + "]", problems);
            }
        } else if (original.isTextual() && (typed.isNumber() || typed.isBoolean())) {
            problems.add("wrong type at " + path.substring(1) + ": " + (typed.isNumber() ? "an integer" : "a boolean")
                    + " is expected, not the string \"" + original.asText() + "\"");
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonMapper strictMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .build();
    }

    private static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonMappingException jackson && !jackson.getPath().isEmpty()) {
                String message = jackson.getOriginalMessage();
                return "at " + jsonPath(jackson.getPath()) + ": " + message.lines().findFirst().orElse(message);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
