package dev.rollgate.release.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.rollgate.contracts.json.ContractsJson;

/** The views keep structured fields (grayscale, rules, artifact) as the same JSON the events carry. */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        try {
            return value == null ? null : ContractsJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : ContractsJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view holds JSON that no longer reads", e);
        }
    }
}
