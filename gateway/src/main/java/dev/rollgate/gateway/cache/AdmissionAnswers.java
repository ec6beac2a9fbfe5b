package dev.rollgate.gateway.cache;

import dev.rollgate.gateway.resolve.CompiledRelease;

import java.util.Arrays;
import java.util.List;

/**
 * One client's audience answers in one segment: a handful of tasks at most (those it met that had a
 * whitelist or a time window), so arrays searched by identity, replaced whole, never changed in place.
 */
final class AdmissionAnswers {

    private final CompiledRelease[] releases;
    private final boolean[] admitted;

    private AdmissionAnswers(CompiledRelease[] releases, boolean[] admitted) {
        this.releases = releases;
        this.admitted = admitted;
    }

    static AdmissionAnswers of(CompiledRelease release, boolean admitted) {
        return new AdmissionAnswers(new CompiledRelease[] {release}, new boolean[] {admitted});
    }

    /** {@code admitted.get(i)} about {@code releases.get(i)}; the releases are distinct. */
    static AdmissionAnswers of(List<CompiledRelease> releases, List<Boolean> admitted) {
        boolean[] answers = new boolean[admitted.size()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = admitted.get(i);
        }
        return new AdmissionAnswers(releases.toArray(CompiledRelease[]::new), answers);
    }

    /** About what it takes on the heap: two arrays of a handful of entries. */
    int weight() {
        return 48 + 9 * releases.length;
    }

    /** The answer about this task, or null when there is none. */
    Boolean of(CompiledRelease release) {
        int at = indexOf(release);
        return at < 0 ? null : admitted[at];
    }

    /** These answers with {@code newer}'s, which win where both answer about a task. */
    AdmissionAnswers with(AdmissionAnswers newer) {
        CompiledRelease[] mergedReleases = Arrays.copyOf(releases, releases.length + newer.releases.length);
        boolean[] mergedAdmitted = Arrays.copyOf(admitted, admitted.length + newer.admitted.length);
        int size = releases.length;
        for (int i = 0; i < newer.releases.length; i++) {
            int at = indexOf(newer.releases[i]);
            if (at >= 0) {
                mergedAdmitted[at] = newer.admitted[i];
            } else {
                mergedReleases[size] = newer.releases[i];
                mergedAdmitted[size] = newer.admitted[i];
                size++;
            }
        }
        return new AdmissionAnswers(Arrays.copyOf(mergedReleases, size), Arrays.copyOf(mergedAdmitted, size));
    }

    private int indexOf(CompiledRelease release) {
        for (int i = 0; i < releases.length; i++) {
            if (releases[i] == release) {
                return i;
            }
        }
        return -1;
    }
}
