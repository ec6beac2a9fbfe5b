package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.gateway.memory.MemoryKey;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.AdmissionMemo;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledRelease;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.TaskAudience;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's {@link AdmissionMemo}, in the gateway's one memory budget ({@link NearMemory}). An entry holds
 * one client's answers in one segment, across its revisions: each answer is kept under its task's
 * {@link TaskAudience}, which a new revision takes over only where the task's audience did not change, so an
 * answer about anything else is never found again, and is dropped the next time the entry changes. One entry
 * per client, not per task, so that a request costs one lookup however many grayscale tasks it meets.
 */
@ApplicationScoped
public class AdmissionCache implements AdmissionMemo {

    /**
     * By the segment's name, not its compiled revision: answers about unchanged tasks outlive the revision. The
     * appKey is the compiled segment's own string, shared by every key made while it was current, so only the
     * client's ids are weighed as this key's.
     */
    private record Key(String appKey, Platform platform, String userId, String deviceId)
            implements MemoryKey<AdmissionAnswers> {
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
        Key key = new Key(segment.appKey(), segment.platform(), client.userId(), client.deviceId());
        return new KeptAnswers(key, segment, memory.get(key));
    }

    private final class KeptAnswers implements Recollection {
        private final Key key;
        private final CompiledSegment segment;
        private AdmissionAnswers known;

        KeptAnswers(Key key, CompiledSegment segment, AdmissionAnswers known) {
            this.key = key;
            this.segment = segment;
            this.known = known;
        }

        @Override
        public Boolean recall(CompiledRelease release) {
            return known == null ? null : known.of(release.audience());
        }

        @Override
        public void remember(CompiledRelease release, boolean admitted) {
            merge(AdmissionAnswers.of(release.audience(), admitted));
        }

        @Override
        public void rememberAll(List<CompiledRelease> releases, List<Boolean> admitted) {
            List<TaskAudience> audiences = new ArrayList<>(releases.size());
            releases.forEach(release -> audiences.add(release.audience()));
            merge(AdmissionAnswers.of(audiences, admitted));
        }

        private void merge(AdmissionAnswers added) {
            known = memory.merge(key, added, (kept, newer) -> kept.within(segment).with(newer));
        }
    }
}
