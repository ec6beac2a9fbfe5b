package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.contracts.release.VersionArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private static final ReleaseTaskCreated CREATED = new ReleaseTaskCreated(
            "task-1", "20000001", "1.0.0.2", Platform.ANDROID, ReleaseType.GRAYSCALE,
            GrayscaleSpec.timeWindow(Instant.parse("2026-12-01T00:00:00Z"), 1000),
            List.of(new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of("Hangzhou"), false, true, null),
                    new AdvancedRule(RuleType.CUSTOM, "batteryLevel", RuleOperator.GTE, List.of("20.5"), false, false,
                            ValueType.NUMBER)),
            "try the new checkout page", null,
            new VersionArtifact("https://cdn.example.com/20000001/1.0.0.2.amr", "a".repeat(64), 183211,
                    "/index.html", null, "10.0", null));

    @Test
    void anEnvelopeRoundTripsWithItsTypedData() throws Exception {
        EventEnvelope envelope = EventJson.envelope(UUID.randomUUID(), "shop", "release-task-task-1", 1,
                Instant.parse("2026-11-23T10:00:00Z"), "alice", CREATED);

        String json = EventJson.write(envelope);
        EventEnvelope read = EventJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(json).contains("\"type\":\"ReleaseTaskCreated\"", "\"schemaVersion\":1",
                "\"occurredAt\":\"2026-11-23T10:00:00Z\"", "\"endTime\":\"2026-12-01T00:00:00Z\"");
        assertThat(EventJson.write(read)).isEqualTo(json);
        assertThat(read.eventId()).isEqualTo(envelope.eventId());
        assertThat(EventJson.data(read)).isEqualTo(CREATED);
    }

    @Test
    void everyEventTypeNamesItsRecord() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.named(type.wireName())).contains(type);
            assertThat(type.dataClass().getSimpleName()).isEqualTo(type.wireName());
        }
    }

    @Test
    void badJsonIsUnreadable() {
        assertThatThrownBy(() -> EventJson.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventJson.read("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventJson.read((byte[]) null)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void anUnknownTypeOrNewerSchemaIsUnreadable() throws Exception {
        String unknown = EventJson.write(EventJson.envelope(UUID.randomUUID(), "shop", "s", 1, Instant.EPOCH, "a",
                new AppRegistered("shop", "Shop"))).replace("AppRegistered", "AppExploded");
        EventEnvelope read = EventJson.read(unknown);
        assertThatThrownBy(() -> EventJson.data(read)).hasMessageContaining("unknown event type 'AppExploded'");

        String newer = EventJson.write(EventJson.envelope(UUID.randomUUID(), "shop", "s", 1, Instant.EPOCH, "a",
                new AppRegistered("shop", "Shop"))).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        EventEnvelope newerRead = EventJson.read(newer);
        assertThatThrownBy(() -> EventJson.data(newerRead)).hasMessageContaining("schemaVersion 2");
    }

    /** An event a consumer cannot apply is unreadable where it is read: a dead letter, not a stuck partition. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ReleaseTaskPaused|{\"taskId\":\"t\",\"packageId\":\"20000001\",\"version\":\"1.0\",\"releaseType\":\"OFFICIAL\"}|platform is missing",
        "ReleaseTaskPaused|{\"taskId\":\"t\",\"packageId\":\"20000001\",\"version\":\"one\",\"platform\":\"IOS\",\"releaseType\":\"OFFICIAL\"}|not a version",
        "ReleaseTaskPaused|null|lacks type, appKey, streamId or data",
        "ReleaseTaskPaused|[1,2]|not an object",
        "ReleaseTaskPaused|\"text\"|not an object",
        "WhitelistMembersAdded|{\"whitelistId\":\"w\"}|ids is missing",
        "WhitelistMembersAdded|{\"whitelistId\":\"w\",\"ids\":[\"a\",null]}|ids[] is missing",
        "ReleaseTaskCreated|{\"taskId\":\"t\",\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"GRAYSCALE\",\"artifact\":{\"sizeBytes\":1}}|grayscale is missing",
        "ReleaseTaskCreated|{\"taskId\":\"t\",\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"OFFICIAL\"}|artifact is missing",
        "ReleaseTaskCreated|{\"taskId\":\"t\",\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"OFFICIAL\",\"artifact\":{\"sizeBytes\":1},\"rules\":[{\"type\":\"CITY\",\"values\":[\"x\"]}]}|rules[].operator is missing",
    })
    void anEventWithoutWhatItsConsumersNeedIsUnreadable(String type, String data, String reason) {
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,"
                + "\"appKey\":\"shop\",\"streamId\":\"s\",\"streamVersion\":1,\"data\":" + data + "}";
        assertThatThrownBy(() -> EventJson.data(EventJson.read(json)))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining(reason);
    }
}
