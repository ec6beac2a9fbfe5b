package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskEvent;
import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.Platform;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys a batch reads before it applies: its segments (both of an app's whose whitelist members change),
 * its streams and the whitelists its tasks name.
 */
public record BatchNeeds(Set<Segment> segments, Map<String, Set<String>> streamsByApp,
                         Map<String, Set<String>> whitelistsByApp) {

    public static BatchNeeds of(List<ConsumedEvent> events) {
        Set<Segment> segments = new LinkedHashSet<>();
        Map<String, Set<String>> streams = new LinkedHashMap<>();
        Map<String, Set<String>> whitelists = new LinkedHashMap<>();
        for (ConsumedEvent event : events) {
            String app = event.envelope().appKey();
            streams.computeIfAbsent(app, k -> new LinkedHashSet<>()).add(event.envelope().streamId());
            if (event.data() instanceof ReleaseTaskEvent task) {
                segments.add(new Segment(app, task.platform()));
            }
            if (RevisionBump.isMembershipChange(event.data())) {
                for (Platform platform : Platform.values()) {
                    segments.add(new Segment(app, platform));
                }
            }
            if (event.data() instanceof ReleaseTaskCreated created && created.grayscale() != null
                    && created.grayscale().mode() == GrayscaleMode.WHITELIST && created.grayscale().whitelistIds() != null) {
                whitelists.computeIfAbsent(app, k -> new LinkedHashSet<>()).addAll(created.grayscale().whitelistIds());
            }
        }
        return new BatchNeeds(segments, streams, whitelists);
    }
}
