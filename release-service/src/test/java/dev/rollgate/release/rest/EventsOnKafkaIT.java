package dev.rollgate.release.rest;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.Topics;
import dev.rollgate.testing.KafkaTopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class EventsOnKafkaIT {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private static List<EventEnvelope> published(String appKey) {
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
    void aTasksEventsReachKafkaInTheOrderTheyWereDecidedKeyedByApp() throws Exception {
        String app = ReleaseFixture.app();
        String taskId = ReleaseFixture.officialTask(app, "20000001", "1.0");
        ReleaseFixture.command(app, taskId, "pause").statusCode(200);
        ReleaseFixture.command(app, taskId, "resume").statusCode(200);
        ReleaseFixture.command(app, taskId, "finish").statusCode(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(published(app))
                .extracting(EventEnvelope::type).containsExactly("ReleaseTaskCreated", "ReleaseTaskPaused",
                        "ReleaseTaskResumed", "ReleaseTaskFinished"));
        List<EventEnvelope> events = published(app);
        assertThat(events).extracting(EventEnvelope::streamVersion).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(EventEnvelope::actor).containsExactly("alice", "bob", "bob", "bob");
        ReleaseTaskCreated created = (ReleaseTaskCreated) EventJson.data(events.getFirst());
        assertThat(created.taskId()).isEqualTo(taskId);
        assertThat(created.artifact().downloadUrl()).isEqualTo("https://cdn.example.com/20000001/1.0.zip");
        assertThat(created.artifact().clientVersionMin()).isEqualTo("10.0");
    }
}
