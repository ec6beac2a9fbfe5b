package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.ReleaseTaskEvent;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.version.Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a batch of events, in topic order, to the state they need, skipping every event at or below its
 * stream's applied version (a redelivery changes nothing). Pure: Redis is read before and written after.
 */
public final class BatchCompiler {

    private final StoredState stored;
    private final Map<Segment, Ruleset> rulesets = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> applied = new LinkedHashMap<>();
    private final Map<String, Map<String, Optional<IdType>>> whitelistTypes = new LinkedHashMap<>();
    private final List<WhitelistOp> whitelistOps = new ArrayList<>();
    private final Set<String> registeredApps = new LinkedHashSet<>();
    private final List<BatchWrites.Rejected> rejected = new ArrayList<>();
    private final Map<Integer, Long> appliedThrough = new LinkedHashMap<>();
    private int appliedCount;
    private int skippedCount;

    private BatchCompiler(StoredState stored) {
        this.stored = stored;
    }

    public static BatchWrites compile(List<ConsumedEvent> events, StoredState stored) {
        BatchCompiler compiler = new BatchCompiler(stored);
        for (ConsumedEvent event : events) {
            try {
                compiler.apply(event);
            } catch (RuntimeException e) {
                // Readable JSON that makes no sense (an unparsable version, a missing list): stopping here would
                // block the partition forever, so it goes where a person can look at it.
                compiler.rejected.add(new BatchWrites.Rejected(event, e.getMessage()));
            }
        }
        return new BatchWrites(compiler.rulesets, compiler.applied, compiler.whitelistOps, compiler.registeredApps,
                compiler.appliedCount, compiler.skippedCount, List.copyOf(compiler.rejected), compiler.appliedThrough);
    }

    private void apply(ConsumedEvent event) {
        String app = event.envelope().appKey();
        String stream = event.envelope().streamId();
        long version = event.envelope().streamVersion();
        if (version <= appliedVersion(app, stream)) {
            skippedCount++;
            return;
        }
        switch (event.data()) {
            case ReleaseTaskEvent task -> {
                requireTask(task);
                Segment segment = new Segment(app, task.platform());
                Ruleset current = rulesets.computeIfAbsent(segment,
                        s -> stored.ruleset(s).orElse(Ruleset.empty(app, task.platform())));
                rulesets.put(segment, RulesetFold.apply(current, task, event.offset(), id -> whitelistType(app, id)));
            }
            case WhitelistCreated created -> {
                typesOf(app).put(created.whitelistId(), Optional.of(created.idType()));
                whitelistOps.add(new WhitelistOp.Define(app, created.whitelistId(), created.idType()));
            }
            case WhitelistMembersAdded added when !added.ids().isEmpty() -> {
                whitelistOps.add(new WhitelistOp.AddMembers(app, added.whitelistId(), added.ids()));
                bumpSegmentsNaming(app, added.whitelistId(), event.offset());
            }
            case WhitelistMembersRemoved removed when !removed.ids().isEmpty() -> {
                whitelistOps.add(new WhitelistOp.RemoveMembers(app, removed.whitelistId(), removed.ids()));
                bumpSegmentsNaming(app, removed.whitelistId(), event.offset());
            }
            case WhitelistMembersAdded added -> {
            }
            case WhitelistMembersRemoved removed -> {
            }
            case WhitelistDeleted deleted -> {
                typesOf(app).put(deleted.whitelistId(), Optional.empty());
                whitelistOps.add(new WhitelistOp.Drop(app, deleted.whitelistId()));
                bumpSegmentsNaming(app, deleted.whitelistId(), event.offset());
            }
            case AppRegistered registered -> registeredApps.add(app);
        }
        applied.computeIfAbsent(app, k -> new LinkedHashMap<>()).put(stream, version);
        appliedThrough.merge(event.partition(), event.offset() + 1, Math::max);
        appliedCount++;
    }

    /**
     * Gateways keep what Redis told them about a client and a task's audience for as long as the task's audience
     * revision stands, so a change to a whitelist's members must give every task naming it a new one (and its
     * segment a new revision, which is what tells gateways to look).
     */
    private void bumpSegmentsNaming(String app, String whitelistId, long offset) {
        for (Platform platform : Platform.values()) {
            Segment segment = new Segment(app, platform);
            Ruleset current = rulesets.containsKey(segment) ? rulesets.get(segment) : stored.ruleset(segment).orElse(null);
            if (current != null && RevisionBump.namesWhitelist(current, whitelistId)) {
                rulesets.put(segment, RevisionBump.to(current, whitelistId, offset));
            }
        }
    }

    private static void requireTask(ReleaseTaskEvent task) {
        if (task.taskId() == null || task.packageId() == null || task.platform() == null || task.version() == null) {
            throw new IllegalArgumentException("a release-task event lacks taskId, packageId, platform or version");
        }
        Version.parse(task.version());
    }

    private long appliedVersion(String app, String stream) {
        Long inBatch = applied.getOrDefault(app, Map.of()).get(stream);
        return inBatch != null ? inBatch : stored.appliedVersion(app, stream);
    }

    private Map<String, Optional<IdType>> typesOf(String app) {
        return whitelistTypes.computeIfAbsent(app, k -> new LinkedHashMap<>());
    }

    private Optional<IdType> whitelistType(String app, String whitelistId) {
        Optional<IdType> inBatch = typesOf(app).get(whitelistId);
        return inBatch != null ? inBatch : stored.whitelistType(app, whitelistId);
    }
}
