package dev.rollgate.gateway.cache;

import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.TaskAudience;

import java.util.Arrays;
import java.util.List;

/**
 * One client's audience answers in one segment: a handful of tasks at most (those it met that had a
 * whitelist or a time window), so arrays searched by identity, replaced whole, never changed in place.
 */
final class AdmissionAnswers {

    private final TaskAudience[] audiences;
    private final boolean[] admitted;

    private AdmissionAnswers(TaskAudience[] audiences, boolean[] admitted) {
        this.audiences = audiences;
        this.admitted = admitted;
    }

    static AdmissionAnswers of(TaskAudience audience, boolean admitted) {
        return new AdmissionAnswers(new TaskAudience[] {audience}, new boolean[] {admitted});
    }

    /** {@code admitted.get(i)} about {@code audiences.get(i)}; the audiences are distinct. */
    static AdmissionAnswers of(List<TaskAudience> audiences, List<Boolean> admitted) {
        boolean[] answers = new boolean[admitted.size()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = admitted.get(i);
        }
        return new AdmissionAnswers(audiences.toArray(TaskAudience[]::new), answers);
    }

    /** About what it takes on the heap: two arrays of a handful of entries. */
    int weight() {
        return 48 + 9 * audiences.length;
    }

    /** The answer about this audience, or null when there is none. */
    Boolean of(TaskAudience audience) {
        int at = indexOf(audience);
        return at < 0 ? null : admitted[at];
    }

    /**
     * These answers without those about audiences the segment no longer has (a task that ended, or whose
     * audience changed): what a client was told under earlier revisions does not pile up.
     */
    AdmissionAnswers within(CompiledSegment segment) {
        int kept = 0;
        for (TaskAudience audience : audiences) {
            if (segment.holds(audience)) {
                kept++;
            }
        }
        if (kept == audiences.length) {
            return this;
        }
        TaskAudience[] keptAudiences = new TaskAudience[kept];
        boolean[] keptAdmitted = new boolean[kept];
        int at = 0;
        for (int i = 0; i < audiences.length; i++) {
            if (segment.holds(audiences[i])) {
                keptAudiences[at] = audiences[i];
                keptAdmitted[at++] = admitted[i];
            }
        }
        return new AdmissionAnswers(keptAudiences, keptAdmitted);
    }

    /** These answers with {@code newer}'s, which win where both answer about an audience. */
    AdmissionAnswers with(AdmissionAnswers newer) {
        TaskAudience[] mergedAudiences = Arrays.copyOf(audiences, audiences.length + newer.audiences.length);
        boolean[] mergedAdmitted = Arrays.copyOf(admitted, admitted.length + newer.admitted.length);
        int size = audiences.length;
        for (int i = 0; i < newer.audiences.length; i++) {
            int at = indexOf(newer.audiences[i]);
            if (at >= 0) {
                mergedAdmitted[at] = newer.admitted[i];
            } else {
                mergedAudiences[size] = newer.audiences[i];
                mergedAdmitted[size] = newer.admitted[i];
                size++;
            }
        }
        return new AdmissionAnswers(Arrays.copyOf(mergedAudiences, size), Arrays.copyOf(mergedAdmitted, size));
    }

    private int indexOf(TaskAudience audience) {
        for (int i = 0; i < audiences.length; i++) {
            if (audiences[i] == audience) {
                return i;
            }
        }
        return -1;
    }
}
