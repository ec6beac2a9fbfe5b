package dev.rollgate.outbox.relay;

import dev.rollgate.outbox.EventStore;
import dev.rollgate.outbox.OutboxTestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.rollgate.outbox.OutboxTestData.AWAIT;
import static dev.rollgate.outbox.OutboxTestData.append;
import static dev.rollgate.outbox.OutboxTestData.events;
import static dev.rollgate.outbox.OutboxTestData.newAppKey;
import static dev.rollgate.outbox.OutboxTestData.published;
import static dev.rollgate.outbox.OutboxTestData.versionsInOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = PrivateBroker.class, restrictToAnnotatedClass = true)
class BrokerOutageIT {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    EventStore store;

    @Test
    void commandsGoOnWithoutKafkaAndEverythingArrivesInOrderOnceItIsBack() {
        String app = newAppKey();
        String stream = "release-task-" + app;
        try (KafkaCompanion kafka = OutboxTestData.companion(PrivateBroker.broker().bootstrapServers())) {
            append(sessions, store, stream, 0, events(app, 3));
            await().atMost(AWAIT).untilAsserted(() -> assertThat(versionsInOrder(published(kafka, app), stream))
                    .containsExactly(1L, 2L, 3L));

            PrivateBroker.broker().stop();
            for (long version = 3; version < 9; version += 2) {
                append(sessions, store, stream, version, events(app, 2));
            }
            // The operator sees it in the broker group; the service stays ready, taking commands.
            await().atMost(AWAIT).untilAsserted(() -> given().get("/q/health/group/broker").then().statusCode(503)
                    .body("checks.find { it.name == 'Outbox relay to Kafka' }.data.kafka", startsWith("unreachable")));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Outbox relay to Kafka' }.data.kafka", startsWith("unreachable"));

            PrivateBroker.broker().start();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(versionsInOrder(published(kafka, app), stream))
                            .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));
            await().atMost(AWAIT).untilAsserted(() -> given().get("/q/health/group/broker").then().statusCode(200));
        }
    }
}
