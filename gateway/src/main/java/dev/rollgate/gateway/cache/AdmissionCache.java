package dev.rollgate.gateway.cache;

import dev.rollgate.gateway.memory.MemoryKey;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.AdmissionMemo;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledRelease;
import dev.rollgate.gateway.resolve.CompiledSegment;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The gateway's {@link AdmissionMemo}, in the gateway's one memory budget ({@link NearMemory}). An entry holds
 * one client's answers in one compiled segment, which is new with each revision, so answers are never found
 * again once the segment has changed. One entry per client, not per task, so that a request costs one lookup
 * however many grayscale tasks it meets.
 */
@ApplicationScoped
public class AdmissionCache implements AdmissionMemo {

    /** The segment compares by identity: the same segment at an older revision is another key. */
    private record Key(CompiledSegment segment, String userId, String deviceId) implements MemoryKey<AdmissionAnswers> {
        @Override
        public int weigh(AdmissionAnswers answers) {
            return 96 + 2 * (length(userId) + length(deviceId)) + answers.weight();
        }

        private static int length(String text) {
            return text == null ? 0 : text.length();
        }
    }

    private final NearMemory memory;

    AdmissionCache(NearMemory memory) {
        this.memory = memory;
    }

    @Override
    public Recollection recollect(CompiledSegment segment, ClientContext client) {
        Key key = new Key(segment, client.userId(), client.deviceId());
        return new KeptAnswers(key, memory.get(key));
    }

    private final class KeptAnswers implements Recollection {
        private final Key key;
        private AdmissionAnswers known;

        KeptAnswers(Key key, AdmissionAnswers known) {
            this.key = key;
            this.known = known;
        }

        @Override
        public Boolean recall(CompiledRelease release) {
            return known == null ? null : known.of(release);
        }

        @Override
        public void remember(CompiledRelease release, boolean admitted) {
            known = memory.merge(key, AdmissionAnswers.of(release, admitted), AdmissionAnswers::with);
        }

        @Override
        public void rememberAll(List<CompiledRelease> releases, List<Boolean> admitted) {
            known = memory.merge(key, AdmissionAnswers.of(releases, admitted), AdmissionAnswers::with);
        }
    }
}
