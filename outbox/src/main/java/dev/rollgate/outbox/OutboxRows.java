package dev.rollgate.outbox;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes outbox rows, keyed by appKey, in the caller's transaction: one statement for all of them. A
 * message larger than the broker takes is refused here, before anything is written, never left for the
 * relay to fail on.
 */
final class OutboxRows {

    private OutboxRows() {
    }

    static Uni<Void> insert(Mutiny.Session session, OutboxConfig config, List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> values = new ArrayList<>(envelopes.size());
        for (EventEnvelope envelope : envelopes) {
            String value = EventJson.write(envelope);
            long bytes = MessageSize.of(envelope.appKey(), value);
            if (bytes > config.maxMessageBytes()) {
                return Uni.createFrom().failure(new EventTooLargeException(envelope.type(), bytes,
                        config.maxMessageBytes()));
            }
            values.add(value);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO outbox (topic, message_key, message_value) VALUES ");
        for (int i = 0; i < envelopes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:topic, :key").append(i).append(", :value").append(i).append(')');
        }
        Mutiny.Query<Object> query = session.createNativeQuery(sql.toString());
        query.setParameter("topic", config.topic());
        for (int i = 0; i < envelopes.size(); i++) {
            query.setParameter("key" + i, envelopes.get(i).appKey());
            query.setParameter("value" + i, values.get(i));
        }
        return query.executeUpdate().replaceWithVoid();
    }
}
