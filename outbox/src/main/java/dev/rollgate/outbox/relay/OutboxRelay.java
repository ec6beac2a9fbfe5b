package dev.rollgate.outbox.relay;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    /** A row held back by an older running transaction is ready as soon as that one ends: look again soon. */
    private static final Duration HELD_BACK_RECHECK = Duration.ofMillis(20);
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
    private Thread thread;
    private RelayDatabase session;
    private Duration backoff = FIRST_BACKOFF;
    private Instant nextBacklog = Instant.MIN;
    private Instant nextPrune = Instant.MIN;

    public OutboxRelay(Vertx vertx, PgConnectOptions database, String kafkaBootstrapServers, RelaySettings settings,
                       RelayMetrics metrics) {
        this.vertx = vertx;
        this.database = database;
        this.publisher = new KafkaPublisher(kafkaBootstrapServers);
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
        }
        if (role != RelayRole.LEADER) {
            lead();
            return;
        }
        wakeups.drainPermits();
        ReadyBatch batch = session.nextBatch(settings.batchSize());
        if (batch.ready().isEmpty()) {
            housekeeping();
            pause(batch.heldBack() ? HELD_BACK_RECHECK : settings.fallbackPoll());
            return;
        }
        publisher.publish(batch.ready());
        session.markSent(batch.ready());
        lastKafkaError = null;
        backoff = FIRST_BACKOFF;
        metrics.published(batch.ready().size(), Duration.between(batch.ready().getFirst().createdAt(), clock.instant()));
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
