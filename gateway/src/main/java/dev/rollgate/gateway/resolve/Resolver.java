package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves every package of a segment for one client (architecture.md, "How the gateway resolves a
 * client"): the highest active task whose version fits the client, that is not paused, whose rules all
 * hold and whose audience takes the client; else the highest finished version that fits; else nothing.
 * Only whitelist and time-window audiences cost a Redis call, and a lower task's slot is never claimed
 * when a higher task already matched. The audience may fail; the task then fails closed, and the client
 * gets what it would get without it. A {@link ResolutionTrace} hears the decision as it is made, with its
 * reasons: that is what simulation explains.
 */
public final class Resolver {

    private Resolver() {
    }

    public static Uni<List<Resolution>> resolve(CompiledSegment segment, ClientContext client, Audience audience) {
        return resolve(segment, client, audience, AdmissionMemo.NONE);
    }

    /** Asks {@code memo} before the audience, and tells it what the audience answered. */
    public static Uni<List<Resolution>> resolve(CompiledSegment segment, ClientContext client, Audience audience,
                                                AdmissionMemo memo) {
        return resolve(segment, client, audience, memo, ResolutionTrace.NONE);
    }

    /** Tells {@code trace} every task's tests and every candidate its audience did not let take the client. */
    public static Uni<List<Resolution>> resolve(CompiledSegment segment, ClientContext client, Audience audience,
                                                AdmissionMemo memo, ResolutionTrace trace) {
        List<CompiledPackage> packages = segment.packages();
        Resolution[] baselines = segment.baselinesFor(client.clientVersion());
        TestResults results = segment.testResults();
        // By package index, so that the answer comes out in the segment's packageId order without a sort.
        Resolution[] resolved = new Resolution[packages.size()];
        List<Integer> waiting = new ArrayList<>();
        List<List<CompiledRelease>> waitingCandidates = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            CompiledPackage pkg = packages.get(i);
            if (!client.wants(pkg.packageId())) {
                continue;
            }
            List<CompiledRelease> candidates = pkg.active().isEmpty() ? List.of()
                    : candidates(pkg, client, results, trace);
            if (candidates.isEmpty()) {
                resolved[i] = baselines[i];
            } else if (candidates.get(0).isOfficial()) {
                resolved[i] = candidates.get(0).resolution();
            } else {
                waiting.add(i);
                waitingCandidates.add(candidates);
            }
        }
        if (waiting.isEmpty()) {
            return Uni.createFrom().item(inOrder(resolved));
        }
        // The highest candidate of every waiting package is settled at once: by the memo, locally when its
        // audience cannot take the client, or in one round trip for all the rest, whitelist checks and slot
        // claims together. Only what that leaves out is walked one candidate at a time.
        AdmissionMemo.Recollection kept = memo.recollect(segment, client);
        boolean[] firstAdmitted = new boolean[waiting.size()];
        List<Integer> asked = new ArrayList<>();
        List<CompiledRelease> askedReleases = new ArrayList<>();
        List<ActiveRelease> askedTasks = new ArrayList<>();
        for (int w = 0; w < waiting.size(); w++) {
            CompiledRelease first = waitingCandidates.get(w).get(0);
            Boolean known = known(first, client, kept, trace);
            if (known == null) {
                asked.add(w);
                askedReleases.add(first);
                askedTasks.add(first.release());
            } else {
                firstAdmitted[w] = known;
            }
        }
        if (askedTasks.isEmpty() && settledFromMemory(waiting, waitingCandidates, firstAdmitted, baselines, resolved,
                client, kept, trace)) {
            return Uni.createFrom().item(inOrder(resolved));
        }
        Uni<List<Boolean>> answers = askedTasks.isEmpty() ? Uni.createFrom().item(List.of())
                : audience.admit(segment.appKey(), askedTasks, client);
        // One operator for the answer, failed or not: each Mutiny stage captures and restores the request's context,
        // a cost a first visit paid a dozen times over.
        return answers.onItemOrFailure().transformToUni((admitted, failure) -> {
            if (failure != null) {
                admitted = askedTasks.stream().map(task -> false).toList();
            } else if (!askedTasks.isEmpty()) {
                kept.rememberAll(askedReleases, admitted);
            }
            for (int at = 0; at < asked.size(); at++) {
                firstAdmitted[asked.get(at)] = admitted.get(at);
                if (!admitted.get(at)) {
                    trace.refused(askedReleases.get(at), refusal(askedReleases.get(at)));
                }
            }
            if (settledByFirst(waiting, waitingCandidates, firstAdmitted, baselines, resolved)) {
                return Uni.createFrom().item(inOrder(resolved));
            }
            List<Uni<Resolution>> pending = new ArrayList<>(waiting.size());
            for (int w = 0; w < waiting.size(); w++) {
                List<CompiledRelease> candidates = waitingCandidates.get(w);
                pending.add(firstAdmitted[w] ? Uni.createFrom().item(candidates.get(0).resolution())
                        : firstAdmitted(segment.appKey(), candidates, 1, baselines[waiting.get(w)], client, audience,
                                kept, trace));
            }
            return Uni.join().all(pending).andFailFast().map(walked -> {
                for (int w = 0; w < waiting.size(); w++) {
                    resolved[waiting.get(w)] = walked.get(w);
                }
                return inOrder(resolved);
            });
        });
    }

    private static List<Resolution> inOrder(Resolution[] resolved) {
        List<Resolution> answer = new ArrayList<>(resolved.length);
        for (Resolution resolution : resolved) {
            if (resolution != null) {
                answer.add(resolution);
            }
        }
        return answer;
    }

    /** Active tasks whose version fits the client, not paused, all rules holding; highest version first. */
    private static List<CompiledRelease> candidates(CompiledPackage pkg, ClientContext client, TestResults results,
                                                    ResolutionTrace trace) {
        List<CompiledRelease> candidates = new ArrayList<>(pkg.active().size());
        for (CompiledRelease release : pkg.active()) {
            if (release.isCandidateFor(client, results, trace)) {
                candidates.add(release);
            }
        }
        return candidates;
    }

    /**
     * A client seen before usually needs no audience at all: then every waiting package
     * is settled here, without a round trip or a Uni per package. False when some package still needs its
     * audience asked; what this filled in is then overwritten by the walk that asks.
     */
    private static boolean settledFromMemory(List<Integer> waiting, List<List<CompiledRelease>> waitingCandidates,
                                             boolean[] firstAdmitted, Resolution[] baselines, Resolution[] resolved,
                                             ClientContext client, AdmissionMemo.Recollection kept,
                                             ResolutionTrace trace) {
        for (int w = 0; w < waiting.size(); w++) {
            List<CompiledRelease> candidates = waitingCandidates.get(w);
            Walk walk = firstAdmitted[w] ? Walk.to(candidates.get(0).resolution())
                    : walkKnown(candidates, 1, baselines[waiting.get(w)], client, kept, trace);
            if (!walk.settled()) {
                return false;
            }
            resolved[waiting.get(w)] = walk.resolution();
        }
        return true;
    }

    /**
     * Usually a package has one candidate: then its first candidate's answer settles it, the task's version or the
     * baseline, with nothing left to walk. False when some refused package has lower candidates to walk.
     */
    private static boolean settledByFirst(List<Integer> waiting, List<List<CompiledRelease>> waitingCandidates,
                                          boolean[] firstAdmitted, Resolution[] baselines, Resolution[] resolved) {
        for (int w = 0; w < waiting.size(); w++) {
            if (!firstAdmitted[w] && waitingCandidates.get(w).size() > 1) {
                return false;
            }
        }
        for (int w = 0; w < waiting.size(); w++) {
            resolved[waiting.get(w)] = firstAdmitted[w] ? waitingCandidates.get(w).get(0).resolution()
                    : baselines[waiting.get(w)];
        }
        return true;
    }

    /**
     * Where a walk down the candidates stops: at a resolution (null when the package has no baseline
     * either), or at the candidate whose audience to ask.
     */
    private record Walk(Resolution resolution, int ask) {
        static Walk to(Resolution resolution) {
            return new Walk(resolution, -1);
        }

        boolean settled() {
            return ask < 0;
        }

        static Walk asking(int candidate) {
            return new Walk(null, candidate);
        }
    }

    /**
     * Walks down from {@code from} while no audience must be asked: an official task takes the client, one
     * whose audience cannot take it is passed, and a remembered answer is taken as it was given.
     */
    private static Walk walkKnown(List<CompiledRelease> candidates, int from, Resolution baseline,
                                  ClientContext client, AdmissionMemo.Recollection kept, ResolutionTrace trace) {
        for (int index = from; index < candidates.size(); index++) {
            CompiledRelease candidate = candidates.get(index);
            if (candidate.isOfficial()) {
                return Walk.to(candidate.resolution());
            }
            Boolean known = known(candidate, client, kept, trace);
            if (known == null) {
                return Walk.asking(index);
            }
            if (known) {
                return Walk.to(candidate.resolution());
            }
        }
        return Walk.to(baseline);
    }

    private static Uni<Resolution> firstAdmitted(String appKey, List<CompiledRelease> candidates, int from,
                                                 Resolution baseline, ClientContext client, Audience audience,
                                                 AdmissionMemo.Recollection kept, ResolutionTrace trace) {
        Walk walk = walkKnown(candidates, from, baseline, client, kept, trace);
        if (walk.settled()) {
            return Uni.createFrom().item(walk.resolution());
        }
        CompiledRelease candidate = candidates.get(walk.ask());
        ActiveRelease release = candidate.release();
        Uni<Boolean> answer = release.grayscale().mode() == GrayscaleMode.WHITELIST
                ? audience.isMember(appKey, release.whitelists(), client)
                : audience.holdsSlot(appKey, release, client);
        return answer.invoke(admitted -> kept.remember(candidate, admitted))
                .onFailure().recoverWithItem(false)
                .chain(admitted -> {
                    if (admitted) {
                        return Uni.createFrom().item(candidate.resolution());
                    }
                    trace.refused(candidate, refusal(candidate));
                    return firstAdmitted(appKey, candidates, walk.ask() + 1, baseline, client, audience, kept, trace);
                });
    }

    /**
     * What is known of a grayscale candidate's audience without asking it: false when it cannot take the client,
     * else what the memo kept, else null. A refusal known here is told to the trace.
     */
    private static Boolean known(CompiledRelease candidate, ClientContext client, AdmissionMemo.Recollection kept,
                                 ResolutionTrace trace) {
        TaskOutcome unaskable = unaskable(candidate.release(), client);
        if (unaskable != null) {
            trace.refused(candidate, unaskable);
            return Boolean.FALSE;
        }
        Boolean known = kept.recall(candidate);
        if (Boolean.FALSE.equals(known)) {
            trace.refused(candidate, refusal(candidate));
        }
        return known;
    }

    /**
     * Why the task's audience cannot take the client at all, or null when it could and is worth asking about.
     * A grayscale task without a grayscale spec has no audience: like a whitelist naming nobody.
     */
    private static TaskOutcome unaskable(ActiveRelease release, ClientContext client) {
        if (release.grayscale() == null) {
            return TaskOutcome.NOT_IN_WHITELIST;
        }
        return switch (release.grayscale().mode()) {
            case WHITELIST -> isWhitelistAudience(release) ? null : TaskOutcome.NOT_IN_WHITELIST;
            case TIME_WINDOW -> !windowOpen(release, client) ? TaskOutcome.WINDOW_ENDED
                    : client.identity() == null ? TaskOutcome.NO_IDENTITY : null;
        };
    }

    /** Why an audience that was asked, or remembered, did not take the client. */
    private static TaskOutcome refusal(CompiledRelease candidate) {
        return candidate.release().grayscale().mode() == GrayscaleMode.WHITELIST ? TaskOutcome.NOT_IN_WHITELIST
                : TaskOutcome.NO_SLOT;
    }

    private static boolean isWhitelistAudience(ActiveRelease release) {
        return release.grayscale() != null && release.grayscale().mode() == GrayscaleMode.WHITELIST
                && release.whitelists() != null && !release.whitelists().isEmpty();
    }

    /** After its end time a time-window task matches nobody. */
    public static boolean windowOpen(ActiveRelease release, ClientContext client) {
        return release.grayscale().endTime() != null && client.now().isBefore(release.grayscale().endTime());
    }

}
