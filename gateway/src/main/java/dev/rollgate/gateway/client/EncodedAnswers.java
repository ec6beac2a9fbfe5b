package dev.rollgate.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.contracts.catalog.DiffPackage;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.memory.MemoryKey;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolution;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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

    /**
     * Keyed by the segment's compilation, not by its revision and the resolutions' values: within one
     * compilation equal resolutions are the same objects, so the lists compare by identity, cheaply, on every
     * request. A segment compiled again (a rebuild's announcement, a reload after the near cache let it go)
     * writes its few distinct answers once more; the keys of the old compilation are never asked again and
     * go with the budget's least valuable entries. The segment is named, not held, so an answer kept does not
     * keep a segment the near cache let go. {@code diffs} holds the diff offered for each resolution (null
     * where none), and is empty for the many clients that get no diff, so they keep sharing one entry.
     */
    private static final class Key implements MemoryKey<Encoded> {

        private final long compilation;
        private final List<Resolution> resolved;
        private final List<DiffPackage> diffs;
        private final int hash;

        Key(long compilation, List<Resolution> resolved, List<DiffPackage> diffs) {
            this.compilation = compilation;
            this.resolved = resolved;
            this.diffs = diffs;
            this.hash = (Long.hashCode(compilation) * 31 + resolved.hashCode()) * 31 + diffs.hashCode();
        }

        @Override
        public int weigh(Encoded encoded) {
            return 96 + 48 * resolved.size() + 8 * diffs.size() + encoded.body().length + encoded.etag().length();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && hash == that.hash && compilation == that.compilation
                    && sameElements(resolved, that.resolved) && sameElements(diffs, that.diffs);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        private static boolean sameElements(List<?> a, List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final NearMemory memory;
    private final ObjectMapper mapper;

    EncodedAnswers(NearMemory memory, ObjectMapper mapper) {
        this.memory = memory;
        this.mapper = mapper;
    }

    /** @param installed the version the client has in use by package id (empty when it said nothing) */
    Encoded of(CompiledSegment segment, List<Resolution> resolved, Map<String, Version> installed,
               int nextCheckAfterSeconds) {
        List<DiffPackage> diffs = installed.isEmpty() ? List.of() : diffs(resolved, installed);
        Key key = new Key(segment.compilation(), resolved, diffs);
        Encoded known = memory.get(key);
        if (known != null) {
            return known;
        }
        List<ClientPackage> packages = new ArrayList<>(resolved.size());
        for (int i = 0; i < resolved.size(); i++) {
            packages.add(ClientPackage.of(resolved.get(i), diffs.isEmpty() ? null : diffs.get(i)));
        }
        Encoded encoded = encode(new ClientAnswer(segment.revision(), packages, nextCheckAfterSeconds));
        memory.put(key, encoded);
        return encoded;
    }

    private static List<DiffPackage> diffs(List<Resolution> resolved, Map<String, Version> installed) {
        List<DiffPackage> diffs = null;
        for (int i = 0; i < resolved.size(); i++) {
            Resolution r = resolved.get(i);
            DiffPackage diff = ClientPackage.diffFor(r, installed.get(r.packageId()));
            if (diff != null) {
                if (diffs == null) {
                    diffs = new ArrayList<>(Collections.nCopies(resolved.size(), null));
                }
                diffs.set(i, diff);
            }
        }
        return diffs == null ? List.of() : Collections.unmodifiableList(diffs);
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
