package dev.rollgate.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rollgate.gateway.config.GatewayConfig;
import dev.rollgate.gateway.resolve.AdmissionMemo;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledRelease;
import dev.rollgate.gateway.resolve.CompiledSegment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The gateway's {@link AdmissionMemo}, one bound for every segment. An entry holds one client's answers in
 * one compiled segment, which is new with each revision, so answers are never found again once the segment
 * has changed; the least recently used clients make room for new ones. One entry per client, not per task,
 * so that a request costs one lookup however many grayscale tasks it meets.
 */
@ApplicationScoped
public class AdmissionCache implements AdmissionMemo {

    /** The segment compares by identity: the same segment at an older revision is another key. */
    private record Key(CompiledSegment segment, String userId, String deviceId) {
    }

    private final Cache<Key, AdmissionAnswers> answers;

    @Inject
    AdmissionCache(GatewayConfig config) {
        this(config.admissionCacheSize());
    }

    /** @param maximumClients how many (client, segment) pairs keep answers */
    AdmissionCache(long maximumClients) {
        this.answers = Caffeine.newBuilder().maximumSize(maximumClients)
                // Upkeep on the request's own thread: handed to the common pool after reads, it cost more in
                // thread wake-ups and a contended lock than the upkeep itself (async-profiler, README).
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Recollection recollect(CompiledSegment segment, ClientContext client) {
        Key key = new Key(segment, client.userId(), client.deviceId());
        return new KeptAnswers(key, answers.getIfPresent(key));
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
            known = answers.asMap().merge(key, AdmissionAnswers.of(release, admitted), AdmissionAnswers::with);
        }

        @Override
        public void rememberAll(List<CompiledRelease> releases, List<Boolean> admitted) {
            known = answers.asMap().merge(key, AdmissionAnswers.of(releases, admitted), AdmissionAnswers::with);
        }
    }
}
