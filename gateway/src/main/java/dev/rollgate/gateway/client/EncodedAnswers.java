package dev.rollgate.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.gateway.memory.MemoryKey;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolution;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The bytes and entity tag of each distinct answer of a segment. Most clients of a segment get one of a few
 * answers (the baselines, or the baselines and a grayscale version), so writing JSON and hashing it once per
 * distinct answer, not once per request, takes both off the hot path. Kept in the gateway's memory budget,
 * keyed by the segment's revision, so a new revision starts afresh and clients that each ask for another
 * subset of packages cannot grow the heap.
 */
@ApplicationScoped
class EncodedAnswers {

    record Encoded(byte[] body, String etag) {
    }

    /** The segment compares by identity: the same answer under another revision is another key. */
    private record Key(CompiledSegment segment, List<Resolution> resolved) implements MemoryKey<Encoded> {
        @Override
        public int weigh(Encoded encoded) {
            return 96 + 8 * resolved.size() + encoded.body().length + encoded.etag().length();
        }
    }

    private final NearMemory memory;
    private final ObjectMapper mapper;

    EncodedAnswers(NearMemory memory, ObjectMapper mapper) {
        this.memory = memory;
        this.mapper = mapper;
    }

    Encoded of(CompiledSegment segment, List<Resolution> resolved, int nextCheckAfterSeconds) {
        Key key = new Key(segment, resolved);
        Encoded known = memory.get(key);
        if (known != null) {
            return known;
        }
        Encoded encoded = encode(new ClientAnswer(segment.revision(), resolved.stream().map(ClientPackage::of).toList(),
                nextCheckAfterSeconds));
        memory.put(key, encoded);
        return encoded;
    }

    private Encoded encode(ClientAnswer answer) {
        try {
            byte[] body = mapper.writeValueAsBytes(answer);
            return new Encoded(body, EntityTags.of(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a client answer could not be written", e);
        }
    }
}
