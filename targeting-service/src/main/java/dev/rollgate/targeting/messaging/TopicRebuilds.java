package dev.rollgate.targeting.messaging;

import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.redis.DerivedKeys;
import dev.rollgate.targeting.store.RebuildSwitch;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds of Redis from the topic, asked for over HTTP and run on the consumer's thread: the topic is
 * replayed from its start into keys beside the live ones ({@link DerivedKeys#REBUILD}), which gateways go on
 * reading, and once the replay has caught up with where the topic ended when it began, the rebuilt keys are
 * switched in at once.
 */
final class TopicRebuilds {

    private static final Logger LOG = Logger.getLogger(TopicRebuilds.class);

    private final RebuildSwitch rebuildSwitch;
    private final AtomicReference<CompletableFuture<RebuildResult>> asked = new AtomicReference<>();
    private Run run;

    /** A rebuild under way: who asked, where the topic ended when it began, and what it has applied so far. */
    private static final class Run {
        final CompletableFuture<RebuildResult> request;
        final Map<TopicPartition, Long> endOffsets;
        final long startedNanos = System.nanoTime();
        long eventsApplied;

        Run(CompletableFuture<RebuildResult> request, Map<TopicPartition, Long> endOffsets) {
            this.request = request;
            this.endOffsets = endOffsets;
        }
    }

    TopicRebuilds(RebuildSwitch rebuildSwitch) {
        this.rebuildSwitch = rebuildSwitch;
    }

    /** Completes once the rebuilt keys are live; a request while a rebuild is asked for or under way joins it. */
    CompletableFuture<RebuildResult> request(boolean consuming) {
        CompletableFuture<RebuildResult> request = new CompletableFuture<>();
        if (!consuming) {
            request.completeExceptionally(new RebuildRefusedException("the consumer is not running"));
            return request;
        }
        CompletableFuture<RebuildResult> earlier = asked.compareAndExchange(null, request);
        return earlier == null ? request : earlier;
    }

    boolean underWay() {
        return run != null;
    }

    /** Where the events being applied now belong. */
    DerivedKeys keys() {
        return run == null ? DerivedKeys.LIVE : DerivedKeys.REBUILD;
    }

    void counted(int applied) {
        if (run != null) {
            run.eventsApplied += applied;
        }
    }

    void startIfAsked(KafkaConsumer<String, byte[]> consumer) {
        CompletableFuture<RebuildResult> request = asked.get();
        if (request == null || run != null) {
            return;
        }
        Set<TopicPartition> assignment = consumer.assignment();
        int partitions = consumer.partitionsFor(Topics.RELEASE_EVENTS).size();
        if (assignment.isEmpty() || assignment.size() < partitions) {
            fail(new RebuildRefusedException("this instance holds " + assignment.size()
                    + " of the topic's " + partitions + " partitions: a rebuild needs one targeting-service"
                    + " instance holding them all (scale to one replica, rebuild, scale back)"));
            return;
        }
        try {
            long leftovers = rebuildSwitch.clear(DerivedKeys.REBUILD);
            if (leftovers > 0) {
                LOG.infof("rebuild: deleted %d keys an earlier, abandoned rebuild left", leftovers);
            }
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assignment);
        consumer.seekToBeginning(assignment);
        run = new Run(request, end);
        LOG.infof("rebuild: replaying %s from the start beside the live keys, which gateways go on reading",
                Topics.RELEASE_EVENTS);
    }

    void finishIfCaughtUp(KafkaConsumer<String, byte[]> consumer) {
        if (run == null) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : run.endOffsets.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        RebuildSwitch.Switched switched = rebuildSwitch.switchIn(DerivedKeys.REBUILD);
        RebuildResult result = new RebuildResult(switched.keysSwitched(), switched.keysDropped(), run.eventsApplied,
                (System.nanoTime() - run.startedNanos) / 1_000_000);
        LOG.infof("rebuild done: %d events applied, %d keys switched in, %d dropped, in %d ms",
                result.eventsApplied(), result.keysSwitched(), result.keysDropped(), result.millis());
        CompletableFuture<RebuildResult> request = run.request;
        run = null;
        asked.set(null);
        request.complete(result);
    }

    void fail(Throwable reason) {
        run = null;
        CompletableFuture<RebuildResult> request = asked.getAndSet(null);
        if (request != null) {
            request.completeExceptionally(reason);
        }
    }

    /**
     * A rebuild replays every partition; once one is taken away it cannot finish here. The live keys were
     * never touched, and what this instance still holds catches up on them (its events are skipped by their
     * applied versions up to where it was).
     */
    ConsumerRebalanceListener abandonOnRevoke() {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (run != null && !partitions.isEmpty()) {
                    LOG.warnf("rebuild abandoned: partitions %s were given to another instance", partitions);
                    fail(new RebuildRefusedException("the rebuild was abandoned: partitions " + partitions
                            + " were given to another targeting-service instance"));
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        };
    }
}
