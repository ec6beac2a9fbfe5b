package dev.rollgate.outbox.relay;

import dev.rollgate.outbox.OutboxTestData;
import dev.rollgate.testing.KafkaBrokerProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A broker of the test's own, which it may stop and start; the application's relay publishes to it. */
public class PrivateBroker implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBrokerProcess broker;

    static KafkaBrokerProcess broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBrokerProcess.startNew();
        broker.createTopic(OutboxTestData.TOPIC, 3);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
