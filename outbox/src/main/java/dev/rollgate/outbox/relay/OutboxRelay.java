package dev.rollgate.outbox.relay;

import dev.rollgate.outbox.MessageSize;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka, in id order among the rows whose transactions are complete, and marks
 * them sent only after the broker acknowledged them: at least once, never a gap. One relay per database
 * leads (an advisory lock); the others stand by and take over when the leader's session ends. A commit's
 * NOTIFY wakes the leader at once; a slow poll covers a missed notification.
 *
 * <p>It runs on a thread of its own and blocks there, so neither a slow broker nor a slow database ever
 * holds an event loop.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    /**
     * A row held back by an older running transaction is ready as soon as that one ends. Only a commit that
     * wrote outbox rows of this database wakes the relay; an older writing transaction that wrote none (another
     * database's on the same server: they share transaction ids) ends unannounced, and under a burst of
     * commands the rows behind it waited out the whole pause.
     */
    private static final Duration HELD_BACK_RECHECK = Duration.ofMillis(5);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(10);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Vertx vertx;
    private final PgConnectOptions database;
    private final KafkaPublisher publisher;
    private final RelaySettings settings;
    private final RelayMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final Semaphore wakeups = new Semaphore(0);

    private volatile RelayRole role = RelayRole.STOPPED;
    private volatile boolean stopping;
    private volatile String lastKafkaError;
    private volatile long deadLetters;
    private volatile String lastDeadLetter;
    private Thread thread;
    private RelayDatabase session;
    /** Rows the broker acknowledged, marked sent by the next batch's query; sent again if the session is lost first. */
    private List<PendingMessage> acknowledged = List.of();
    private Duration backoff = FIRST_BACKOFF;
    private Instant nextBacklog = Instant.MIN;
    private Instant nextPrune = Instant.MIN;

    public OutboxRelay(Vertx vertx, PgConnectOptions database, String kafkaBootstrapServers, RelaySettings settings,
                       RelayMetrics metrics) {
        this.vertx = vertx;
        this.database = database;
        this.publisher = new KafkaPublisher(kafkaBootstrapServers, settings.maxMessageBytes());
        this.settings = settings;
        this.metrics = metrics;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        role = RelayRole.STANDBY;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    public RelayRole role() {
        return role;
    }

    /** The last publishing failure while leading, or null after a success. */
    public String lastKafkaError() {
        return lastKafkaError;
    }

    /** Rows set aside because the broker will never take them (table {@code outbox_dead_letter}). */
    public long deadLetters() {
        return deadLetters;
    }

    /** Which row was set aside last and why, or null when none was since this relay started. */
    public String lastDeadLetter() {
        return lastDeadLetter;
    }

    /** Makes the relay look for rows now; called on every commit notification. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    @Override
    public synchronized void close() {
        stopping = true;
        wake();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        role = RelayRole.STOPPED;
    }

    private void run() {
        try {
            while (!stopping) {
                try {
                    step();
                } catch (KafkaPublishException e) {
                    lastKafkaError = e.getMessage();
                    metrics.publishFailed();
                    LOG.warnf("publishing to Kafka failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                    pause(backoff);
                    backoff = longer(backoff);
                } catch (RuntimeException e) {
                    LOG.warnf("the relay's database session failed, reconnecting in %d ms: %s", backoff.toMillis(),
                            e.getMessage());
                    dropSession();
                    pause(backoff);
                    backoff = longer(backoff);
                }
            }
        } finally {
            dropSession();
            publisher.close();
        }
    }

    private void step() {
        if (session == null) {
            session = RelayDatabase.connect(vertx, database, this::wake);
            deadLetters = session.deadLetters();
            metrics.deadLettered(deadLetters);
        }
        if (role != RelayRole.LEADER) {
            lead();
            return;
        }
        wakeups.drainPermits();
        ReadyBatch batch = session.nextBatch(settings.batchSize(), acknowledged);
        acknowledged = List.of();
        if (batch.ready().isEmpty()) {
            housekeeping();
            pause(batch.heldBack() ? HELD_BACK_RECHECK : settings.fallbackPoll());
            return;
        }
        List<PendingMessage> sendable = new ArrayList<>(batch.ready().size());
        for (PendingMessage message : batch.ready()) {
            long bytes = MessageSize.of(message.key(), message.value());
            if (bytes > settings.maxMessageBytes()) {
                setAside(message, "the message has " + bytes + " bytes, more than the " + settings.maxMessageBytes()
                        + " a message may have");
            } else {
                sendable.add(message);
            }
        }
        publish(sendable);
    }

    /**
     * Marks sent what the broker acknowledged, in id order, up to the first record that may yet go through:
     * that one and every later one are sent again (a later one of another key that the broker already has
     * arrives twice, which consumers skip by its streamVersion; one of the same key was not sent, see
     * {@link KafkaPublisher#publish}). A record the broker will never take is set aside and does not hold up
     * the others.
     */
    private void publish(List<PendingMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<KafkaPublisher.Outcome> outcomes = publisher.publish(messages);
        List<PendingMessage> sent = new ArrayList<>(messages.size());
        String retry = null;
        for (int i = 0; i < messages.size() && retry == null; i++) {
            switch (outcomes.get(i)) {
                case KafkaPublisher.Outcome.Acked acked -> sent.add(messages.get(i));
                case KafkaPublisher.Outcome.Refused refused -> setAside(messages.get(i), refused.reason());
                case KafkaPublisher.Outcome.Retry again -> retry = again.reason();
            }
        }
        if (!sent.isEmpty()) {
            acknowledged = sent;
            metrics.published(sent.size(), Duration.between(sent.getFirst().createdAt(), clock.instant()));
        }
        if (retry != null) {
            throw new KafkaPublishException(retry);
        }
        lastKafkaError = null;
        backoff = FIRST_BACKOFF;
    }

    private void setAside(PendingMessage message, String reason) {
        session.deadLetter(message, reason);
        deadLetters++;
        lastDeadLetter = "outbox row " + message.id() + " (key " + message.key() + "): " + reason;
        metrics.deadLettered(deadLetters);
        LOG.errorf("%s; it is in outbox_dead_letter and the rows behind it go on", lastDeadLetter);
    }

    private void lead() {
        if (session.tryLock(settings.lockKey())) {
            session.listen();
            role = RelayRole.LEADER;
            LOG.infof("this instance now relays the outbox (lock %d)", settings.lockKey());
        } else {
            role = RelayRole.STANDBY;
            pause(settings.standbyRetry());
        }
    }

    private void housekeeping() {
        Instant now = clock.instant();
        if (now.isAfter(nextBacklog)) {
            metrics.backlog(session.backlog());
            nextBacklog = now.plus(BACKLOG_EVERY);
        }
        if (now.isAfter(nextPrune)) {
            int pruned = session.pruneSentBefore(now.minus(settings.keepSent()));
            if (pruned > 0) {
                LOG.infof("pruned %d published outbox rows older than %s", pruned, settings.keepSent());
            }
            nextPrune = now.plus(PRUNE_EVERY);
        }
    }

    private void dropSession() {
        if (session != null && stopping && !acknowledged.isEmpty()) {
            try {
                session.markSent(acknowledged);
            } catch (RuntimeException e) {
                // The next leader sends them again; consumers skip what they have.
            }
        }
        acknowledged = List.of();
        if (session != null) {
            session.close();
            session = null;
        }
        if (role == RelayRole.LEADER) {
            LOG.info("this instance no longer relays the outbox");
        }
        role = stopping ? RelayRole.STOPPED : RelayRole.STANDBY;
    }

    /** Waits for a wake-up or the timeout, whichever comes first. */
    private void pause(Duration timeout) {
        try {
            wakeups.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private Duration longer(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }
}
