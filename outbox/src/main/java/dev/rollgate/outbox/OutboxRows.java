package dev.rollgate.outbox;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Writes outbox rows, keyed by appKey, in the caller's transaction: one statement for all of them. */
final class OutboxRows {

    private OutboxRows() {
    }

    static Uni<Void> insert(Mutiny.Session session, String topic, List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO outbox (topic, message_key, message_value) VALUES ");
        for (int i = 0; i < envelopes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:topic, :key").append(i).append(", :value").append(i).append(')');
        }
        Mutiny.Query<Object> query = session.createNativeQuery(sql.toString());
        query.setParameter("topic", topic);
        for (int i = 0; i < envelopes.size(); i++) {
            query.setParameter("key" + i, envelopes.get(i).appKey());
            query.setParameter("value" + i, EventJson.write(envelopes.get(i)));
        }
        return query.executeUpdate().replaceWithVoid();
    }
}
