package dev.rollgate.packages.messaging;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.Topics;
import dev.rollgate.packages.rest.CatalogFixture;
import dev.rollgate.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import dev.rollgate.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class AppRegisteredIT {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private static List<EventEnvelope> eventsOf(String appKey) {
        return KafkaTopicReader.readAll(BOOTSTRAP, Topics.RELEASE_EVENTS).stream()
                .filter(record -> appKey.equals(record.key()))
                .map(record -> {
                    try {
                        return EventJson.read(record.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void registeringAnAppPublishesAppRegisteredWithItsActor() {
        String appKey = CatalogFixture.newAppKey();
        // The actor is the token's subject; a header claiming otherwise is overwritten.
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.admin("alice"))
                .header("X-Rollgate-Actor", "mallory")
                .body(Map.of("appKey", appKey, "name", "Shop")).post("/api/v1/apps").then().statusCode(201);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<EventEnvelope> events = eventsOf(appKey);
            assertThat(events).hasSize(1);
            EventEnvelope registered = events.getFirst();
            assertThat(registered.type()).isEqualTo("AppRegistered");
            assertThat(registered.streamId()).isEqualTo("app-" + appKey);
            assertThat(registered.actor()).isEqualTo("alice");
            assertThat(EventJson.data(registered)).isEqualTo(new AppRegistered(appKey, "Shop"));
        });
    }

    @Test
    void aRefusedRegistrationPublishesNothing() {
        String appKey = CatalogFixture.app();
        given().contentType(ContentType.JSON).body(Map.of("appKey", appKey, "name", "Twice"))
                .post("/api/v1/apps").then().statusCode(409);
        await().atMost(Duration.ofSeconds(15)).until(() -> eventsOf(appKey).size() == 1);
        assertThat(eventsOf(appKey)).extracting(EventEnvelope::actor).containsExactly("tester");
    }
}
