package dev.rollgate.gateway.resolve;

import java.util.List;

/**
 * What Redis answered about a client and the grayscale tasks' audiences of a segment, kept while each task's
 * audience stands ({@link TaskAudience}), also across the segment's revisions. Both kinds of answer hold that
 * long: targeting-service gives a task a new audience revision when the members of a whitelist it names
 * change, and a time-window slot, once held, is held until the window ends, while a window whose slots are
 * all taken never frees one. A client seen again costs no round trip, and after a new revision only the
 * tasks whose audience changed (or that are new) are asked about. Only answers Redis gave are kept: a failure
 * that closed the audience is asked about again.
 */
@FunctionalInterface
public interface AdmissionMemo {

    /** Remembers nothing: every question goes to the audience. */
    AdmissionMemo NONE = (segment, client) -> Recollection.NONE;

    /**
     * What is kept about this client in this segment. Looked up once per request, however many of the
     * segment's tasks then ask it.
     */
    Recollection recollect(CompiledSegment segment, ClientContext client);

    /** One client's answers in one segment, by task audience. */
    interface Recollection {

        Recollection NONE = new Recollection() {
            @Override
            public Boolean recall(CompiledRelease release) {
                return null;
            }

            @Override
            public void remember(CompiledRelease release, boolean admitted) {
            }
        };

        /** The answer kept for this task, or null. */
        Boolean recall(CompiledRelease release);

        void remember(CompiledRelease release, boolean admitted);

        /** What one round trip answered, {@code admitted.get(i)} about {@code releases.get(i)}. */
        default void rememberAll(List<CompiledRelease> releases, List<Boolean> admitted) {
            for (int i = 0; i < releases.size(); i++) {
                remember(releases.get(i), admitted.get(i));
            }
        }
    }
}
