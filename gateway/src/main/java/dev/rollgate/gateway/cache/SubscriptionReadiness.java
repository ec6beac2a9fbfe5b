package dev.rollgate.gateway.cache;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether changes reach this gateway at once. It stays UP without the subscription: with Redis
 * down the gateway still answers from its near cache, which is better than no answer at all.
 */
@Readiness
@ApplicationScoped
public class SubscriptionReadiness implements HealthCheck {

    private final SegmentChangeListener listener;
    private final SegmentCache cache;

    SubscriptionReadiness(SegmentChangeListener listener, SegmentCache cache) {
        this.listener = listener;
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Ruleset changes from Redis")
                .up()
                .withData("subscribed", listener.isSubscribed())
                .withData("cachedSegments", cache.segments().size())
                .build();
    }
}
