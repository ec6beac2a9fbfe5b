package dev.rollgate.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes and entity tag of each distinct answer of a segment. Most clients of a segment get one of a few
 * answers (the baselines, or the baselines and a grayscale version), so writing JSON and hashing it once
 * per distinct answer, not once per request, takes both off the hot path. Kept with the segment, so a new
 * revision starts afresh; bounded, so a segment whose clients all differ cannot grow it without end.
 */
final class EncodedAnswers {

    record Encoded(byte[] body, String etag) {
    }

    private static final int MAX_PER_SEGMENT = 4_096;
    private static final Object KEY = EncodedAnswers.class;

    private EncodedAnswers() {
    }

    static Encoded of(CompiledSegment segment, List<Resolution> resolved, int nextCheckAfterSeconds,
                      ObjectMapper mapper) {
        Map<List<Resolution>, Encoded> answers = segment.derived(KEY, k -> new ConcurrentHashMap<>());
        Encoded known = answers.get(resolved);
        if (known != null) {
            return known;
        }
        Encoded encoded = encode(new ClientAnswer(segment.revision(), resolved.stream().map(ClientPackage::of).toList(),
                nextCheckAfterSeconds), mapper);
        if (answers.size() < MAX_PER_SEGMENT) {
            answers.put(resolved, encoded);
        }
        return encoded;
    }

    private static Encoded encode(ClientAnswer answer, ObjectMapper mapper) {
        try {
            byte[] body = mapper.writeValueAsBytes(answer);
            return new Encoded(body, EntityTags.of(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a client answer could not be written", e);
        }
    }
}
