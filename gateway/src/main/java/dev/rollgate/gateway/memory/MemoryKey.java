package dev.rollgate.gateway.memory;

/**
 * A key of the gateway's {@link NearMemory}, which knows what its values weigh. A value that holds only for
 * one revision of a segment (an encoded answer) is keyed by the compiled segment, by identity: a new revision
 * is a new segment, so such values are never found again and age out of the budget. Audience answers outlive
 * revisions where their task's audience did not change, and are keyed by the segment's name instead.
 *
 * @param <V> the type of the value kept under this key
 */
public interface MemoryKey<V> {

    /** About how many bytes the key and its value take on the heap. */
    int weigh(V value);
}
