package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves every package of a segment for one client (architecture.md, "How the gateway resolves a
 * client"): the highest active task whose version fits the client, that is not paused, whose rules all
 * hold and whose audience takes the client; else the highest finished version that fits; else nothing.
 * Only whitelist and time-window audiences cost a Redis call, and a lower task's slot is never claimed
 * when a higher task already matched.
 */
public final class Resolver {

    private Resolver() {
    }

    public static Uni<List<Resolution>> resolve(CompiledSegment segment, ClientContext client, Audience audience) {
        List<Resolution> settled = new ArrayList<>();
        List<CompiledPackage> waiting = new ArrayList<>();
        List<List<CompiledRelease>> waitingCandidates = new ArrayList<>();
        for (CompiledPackage pkg : segment.packages()) {
            if (!client.wants(pkg.packageId())) {
                continue;
            }
            List<CompiledRelease> candidates = candidates(pkg, client);
            if (candidates.isEmpty() || candidates.get(0).isOfficial()) {
                Resolution now = candidates.isEmpty() ? baseline(pkg, client) : chosen(pkg, candidates.get(0));
                if (now != null) {
                    settled.add(now);
                }
            } else {
                waiting.add(pkg);
                waitingCandidates.add(candidates);
            }
        }
        if (waiting.isEmpty()) {
            return Uni.createFrom().item(settled);
        }
        // The highest candidate of each waiting package that is a whitelist release is asked about in one
        // round trip; what that does not settle is walked one candidate at a time.
        List<Integer> asked = new ArrayList<>();
        List<List<WhitelistRef>> whitelists = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            ActiveRelease first = waitingCandidates.get(i).get(0).release();
            if (first.grayscale() != null && first.grayscale().mode() == GrayscaleMode.WHITELIST
                    && first.whitelists() != null && !first.whitelists().isEmpty()) {
                asked.add(i);
                whitelists.add(first.whitelists());
            }
        }
        Uni<List<Boolean>> members = whitelists.isEmpty() ? Uni.createFrom().item(List.of())
                : audience.areMembers(segment.appKey(), whitelists, client);
        return members.chain(answers -> {
            List<Uni<Resolution>> pending = new ArrayList<>(waiting.size());
            for (int i = 0; i < waiting.size(); i++) {
                CompiledPackage pkg = waiting.get(i);
                List<CompiledRelease> candidates = waitingCandidates.get(i);
                int at = asked.indexOf(i);
                if (at < 0) {
                    pending.add(firstAdmitted(segment.appKey(), pkg, candidates, 0, client, audience));
                } else if (Boolean.TRUE.equals(answers.get(at))) {
                    pending.add(Uni.createFrom().item(chosen(pkg, candidates.get(0))));
                } else {
                    pending.add(firstAdmitted(segment.appKey(), pkg, candidates, 1, client, audience));
                }
            }
            return Uni.join().all(pending).andFailFast();
        }).map(resolved -> {
            List<Resolution> all = new ArrayList<>(settled.size() + resolved.size());
            all.addAll(settled);
            resolved.stream().filter(r -> r != null).forEach(all::add);
            all.sort((a, b) -> a.packageId().compareTo(b.packageId()));
            return all;
        });
    }

    /** Active tasks whose version fits the client, not paused, all rules holding; highest version first. */
    public static List<CompiledRelease> candidates(CompiledPackage pkg, ClientContext client) {
        List<CompiledRelease> candidates = new ArrayList<>(pkg.active().size());
        for (CompiledRelease release : pkg.active()) {
            if (release.isCandidateFor(client)) {
                candidates.add(release);
            }
        }
        return candidates;
    }

    private static Uni<Resolution> firstAdmitted(String appKey, CompiledPackage pkg, List<CompiledRelease> candidates,
                                                 int index, ClientContext client, Audience audience) {
        if (index == candidates.size()) {
            return Uni.createFrom().item(baseline(pkg, client));
        }
        CompiledRelease candidate = candidates.get(index);
        if (candidate.isOfficial()) {
            return Uni.createFrom().item(chosen(pkg, candidate));
        }
        return admits(appKey, candidate.release(), client, audience).chain(admitted -> admitted
                ? Uni.createFrom().item(chosen(pkg, candidate))
                : firstAdmitted(appKey, pkg, candidates, index + 1, client, audience));
    }

    private static Uni<Boolean> admits(String appKey, ActiveRelease release, ClientContext client, Audience audience) {
        if (release.grayscale() == null) {
            return Uni.createFrom().item(false);
        }
        return switch (release.grayscale().mode()) {
            case WHITELIST -> release.whitelists() == null || release.whitelists().isEmpty()
                    ? Uni.createFrom().item(false)
                    : audience.isMember(appKey, release.whitelists(), client);
            case TIME_WINDOW -> windowOpen(release, client) && client.identity() != null
                    ? audience.holdsSlot(appKey, release, client)
                    : Uni.createFrom().item(false);
        };
    }

    /** After its end time a time-window task matches nobody. */
    public static boolean windowOpen(ActiveRelease release, ClientContext client) {
        return release.grayscale().endTime() != null && client.now().isBefore(release.grayscale().endTime());
    }

    private static Resolution chosen(CompiledPackage pkg, CompiledRelease release) {
        ActiveRelease r = release.release();
        return new Resolution(pkg.packageId(), r.version(), r.releaseType(), r.artifact(), r.taskId());
    }

    private static Resolution baseline(CompiledPackage pkg, ClientContext client) {
        FinishedVersion baseline = pkg.baseline(client.clientVersion());
        return baseline == null ? null
                : new Resolution(pkg.packageId(), baseline.version(), ReleaseType.OFFICIAL, baseline.artifact(), null);
    }
}
