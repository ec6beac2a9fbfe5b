package dev.rollgate.sdk;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeReportsTest {

    /** A gateway that answers each post with the next status, and keeps what it was sent. */
    private static final class Gateway implements HttpTransport {
        final List<JsonObject> batches = new ArrayList<>();
        final List<Integer> statuses = new ArrayList<>();

        @Override
        public HttpResponse get(String url, Map<String, String> headers) throws IOException {
            throw new IOException("not here");
        }

        @Override
        public HttpResponse postJson(String url, Map<String, String> headers, byte[] json) {
            assertThat(url).isEqualTo("http://gw/client/v1/apps/shop/reports");
            batches.add(JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject());
            int status = statuses.isEmpty() ? 202 : statuses.remove(0);
            return new HttpResponse(status, Collections.emptyMap(), new ByteArrayInputStream(new byte[0]));
        }
    }

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final Gateway gateway = new Gateway();
    private final OutcomeReports reports = new OutcomeReports(gateway, "http://gw/", "shop",
            DeviceContext.builder("ANDROID", "10.2.0").userId("alice").deviceId("pixel-7").build(), clock::get);

    private void add(int n) {
        for (int i = 0; i < n; i++) {
            reports.add("INSTALLED", "20000001", "1.0." + i, "6f1c2a1e-0b7d-4a55-9d1e-3c2b1a0f9e8d", null);
        }
    }

    @Test
    void reportsWaitForCompanyThenGoInBatchesOfAHundredNamingTheDeviceByAHashOnly() {
        add(3);
        reports.flush(false);
        assertThat(gateway.batches).isEmpty();
        clock.addAndGet(2_000);
        reports.flush(false);
        assertThat(gateway.batches).hasSize(1);
        JsonObject batch = gateway.batches.get(0);
        assertThat(batch.get("platform").getAsString()).isEqualTo("ANDROID");
        assertThat(batch.getAsJsonArray("reports")).hasSize(3);
        String sent = batch.toString();
        assertThat(sent).doesNotContain("alice").doesNotContain("pixel-7").contains(reports.device());
        assertThat(reports.device()).matches("[0-9a-f]{64}");

        add(250);
        reports.flush(false);
        reports.flush(false);
        reports.flush(false);
        assertThat(gateway.batches).extracting(b -> b.getAsJsonArray("reports").size()).containsExactly(3, 100, 100, 50);
        assertThat(reports.pending()).isZero();
    }

    @Test
    void aBatchTheGatewayCannotTakeIsTriedAgainWithGrowingPausesThenDroppedQuietly() {
        gateway.statuses.addAll(List.of(503, 503, 503, 503, 503));
        add(1);
        for (int attempt = 0; attempt < 5; attempt++) {
            reports.flush(true);
            reports.flush(true);
            clock.addAndGet(300_000);
        }
        assertThat(gateway.batches).hasSize(5);
        assertThat(reports.pending()).isZero();
    }

    @Test
    void aBatchRefusedForWhatItIsIsDroppedAtOnceAndTheQueueStaysBounded() {
        gateway.statuses.add(400);
        add(1);
        reports.flush(true);
        assertThat(reports.pending()).isZero();
        add(OutcomeReports.QUEUE + 10);
        assertThat(reports.pending()).isEqualTo(OutcomeReports.QUEUE);
    }

    @Test
    void failureDetailsBecomeReasonCodes() {
        assertThat(OutcomeReports.reasonCode("SHA256_MISMATCH: expected abc, got def")).isEqualTo("SHA256_MISMATCH");
        assertThat(OutcomeReports.reasonCode("zip slip")).isEqualTo("ZIP_SLIP");
        assertThat(OutcomeReports.reasonCode(null)).isNull();
    }
}
