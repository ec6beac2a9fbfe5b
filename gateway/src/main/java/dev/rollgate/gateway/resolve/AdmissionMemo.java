package dev.rollgate.gateway.resolve;

/**
 * What Redis answered about a client and a grayscale task's audience, kept while the task's compiled segment
 * is current. Both kinds of answer hold that long: targeting-service gives a segment a new revision when the
 * members of a whitelist its tasks name change, and a time-window slot, once held, is held until the window
 * ends, while a window whose slots are all taken never frees one. A client seen again costs no round trip.
 * Only answers Redis gave are kept: a failure that closed the audience is asked about again.
 */
public interface AdmissionMemo {

    /** Remembers nothing: every question goes to the audience. */
    AdmissionMemo NONE = new AdmissionMemo() {
        @Override
        public Boolean recall(CompiledRelease release, ClientContext client) {
            return null;
        }

        @Override
        public void remember(CompiledRelease release, ClientContext client, boolean admitted) {
        }
    };

    /** The answer kept for this client and task, or null. */
    Boolean recall(CompiledRelease release, ClientContext client);

    void remember(CompiledRelease release, ClientContext client, boolean admitted);
}
