package dev.rollgate.outbox.relay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Asks the broker for its cluster id, to tell readiness whether Kafka can be reached now. */
final class KafkaProbe implements AutoCloseable {

    private final Admin admin;

    KafkaProbe(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "rollgate-outbox-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
    }

    /** @return null when the broker answered, else why not */
    String problem() {
        try {
            admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
