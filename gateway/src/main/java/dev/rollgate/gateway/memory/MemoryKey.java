package dev.rollgate.gateway.memory;

/**
 * A key of the gateway's {@link NearMemory}, which knows what its values weigh. Keys of derived values hold
 * the compiled segment they were derived from, by identity: a new revision is a new segment, so its values
 * are never found again and age out of the budget.
 *
 * @param <V> the type of the value kept under this key
 */
public interface MemoryKey<V> {

    /** About how many bytes the key and its value take on the heap. */
    int weigh(V value);
}
