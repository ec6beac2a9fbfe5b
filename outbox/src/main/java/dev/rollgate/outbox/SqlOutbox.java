package dev.rollgate.outbox;

import dev.rollgate.contracts.event.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

@ApplicationScoped
public class SqlOutbox implements Outbox {

    private final OutboxConfig config;

    SqlOutbox(OutboxConfig config) {
        this.config = config;
    }

    @Override
    public Uni<Void> enqueue(Mutiny.Session session, List<EventEnvelope> envelopes) {
        return OutboxRows.insert(session, config, envelopes);
    }
}
