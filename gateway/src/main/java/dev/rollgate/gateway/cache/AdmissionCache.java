package dev.rollgate.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rollgate.gateway.config.GatewayConfig;
import dev.rollgate.gateway.resolve.AdmissionMemo;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledRelease;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's {@link AdmissionMemo}, one bound for every segment. Entries name the compiled task itself,
 * which is new with each revision of its segment, so an answer is never found again once the segment has
 * changed, and the least recently used answers make room for new ones.
 */
@ApplicationScoped
public class AdmissionCache implements AdmissionMemo {

    /** The task compares by identity: the same task of an older revision is another key. */
    private record Key(CompiledRelease release, String userId, String deviceId) {
    }

    private final Cache<Key, Boolean> answers;

    AdmissionCache(GatewayConfig config) {
        this.answers = Caffeine.newBuilder().maximumSize(config.admissionCacheSize()).build();
    }

    @Override
    public Boolean recall(CompiledRelease release, ClientContext client) {
        return answers.getIfPresent(key(release, client));
    }

    @Override
    public void remember(CompiledRelease release, ClientContext client, boolean admitted) {
        answers.put(key(release, client), admitted);
    }

    private static Key key(CompiledRelease release, ClientContext client) {
        return new Key(release, client.userId(), client.deviceId());
    }
}
