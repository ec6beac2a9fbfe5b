package dev.rollgate.sdk;

import com.google.gson.JsonParser;
import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayClientTest {

    @Test
    void theVersionsInUseGoSortedByPackageId() {
        Map<String, String> inUse = new HashMap<>();
        inUse.put("20000002", "2.0.0");
        inUse.put("20000001", "1.0.0");
        inUse.put("20000003", null);

        assertThat(GatewayClient.installedParameter(inUse)).isEqualTo("&installed=20000001:1.0.0,20000002:2.0.0");
    }

    @Test
    void withNothingInUseTheParameterIsLeftOut() {
        assertThat(GatewayClient.installedParameter(Map.of())).isEmpty();
        Map<String, String> fellBackOnline = new HashMap<>();
        fellBackOnline.put("20000001", null);
        assertThat(GatewayClient.installedParameter(fellBackOnline)).isEmpty();
    }

    @Test
    void atMostFiveHundredPairsGoAndOnesThatCouldNotBeReadBackNone() {
        Map<String, String> inUse = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            inUse.put(String.format("p%04d", i), "1.0." + i);
        }
        inUse.put("a,b", "1.0.0");
        inUse.put("c", "1:0");

        String pairs = GatewayClient.installedParameter(inUse).substring("&installed=".length());

        assertThat(pairs.split(",")).hasSize(GatewayClient.MAX_INSTALLED).startsWith("p0000:1.0.0")
                .endsWith("p0499:1.0.499");
    }

    @Test
    void aVersionIsEncodedButTheSeparatorsAreNot() {
        assertThat(GatewayClient.installedParameter(Map.of("20000001", "1.0.0+build.7")))
                .isEqualTo("&installed=20000001:1.0.0%2Bbuild.7");
    }

    @Test
    void aGatewayThatRefusesTheVersionsInUseIsAskedAgainWithoutThem() {
        List<String> asked = new ArrayList<>();
        HttpTransport gateway = (url, headers) -> {
            asked.add(url);
            assertThat(headers).containsEntry("If-None-Match", "\"e1\"");
            if (!url.contains("installed=")) {
                return new HttpResponse(304, Map.of(), new ByteArrayInputStream(new byte[0]));
            }
            return new HttpResponse(400, Map.of(), new ByteArrayInputStream(("{\"status\":400,\"errors\":[{\"field\":"
                    + "\"installed\",\"message\":\"must be packageId:version pairs\"}]}").getBytes(StandardCharsets.UTF_8)));
        };
        GatewayClient client = new GatewayClient(gateway, "http://gw/", "shop",
                DeviceContext.builder("ANDROID", "10.2.0").build());

        AskResult result = client.ask("\"e1\"", Map.of("20000001", "1.0.0"));

        assertThat(result.kind).isEqualTo(AskResult.Kind.NOT_MODIFIED);
        assertThat(asked).containsExactly(
                "http://gw/client/v1/apps/shop/packages?platform=ANDROID&clientVersion=10.2.0&installed=20000001:1.0.0",
                "http://gw/client/v1/apps/shop/packages?platform=ANDROID&clientVersion=10.2.0");
    }

    @Test
    void anotherRefusalIsNotAskedAgain() {
        List<String> asked = new ArrayList<>();
        HttpTransport gateway = (url, headers) -> {
            asked.add(url);
            return new HttpResponse(400, Map.of(), new ByteArrayInputStream(("{\"status\":400,\"errors\":[{\"field\":"
                    + "\"clientVersion\",\"message\":\"must be a dotted numeric version\"}]}").getBytes(StandardCharsets.UTF_8)));
        };
        GatewayClient client = new GatewayClient(gateway, "http://gw/", "shop",
                DeviceContext.builder("ANDROID", "10.2.0").build());

        AskResult result = client.ask(null, Map.of("20000001", "1.0.0"));

        assertThat(result.kind).isEqualTo(AskResult.Kind.FAILED);
        assertThat(asked).hasSize(1);
    }

    @Test
    void theAnswersNewFieldsAreReadAndOldAnswersStillWork() {
        GatewayAnswer answer = GatewayClient.parse(JsonParser.parseString("{\"revision\":3,\"packages\":["
                + "{\"packageId\":\"20000001\",\"version\":\"1.0.1\",\"downloadUrl\":\"https://cdn/p.zip\","
                + "\"sha256\":\"aa\",\"sizeBytes\":5242880,\"contentSha256\":\"bb\",\"signature\":\"c2ln\","
                + "\"diff\":{\"fromVersion\":\"1.0.0\",\"downloadUrl\":\"https://cdn/d.zip\",\"sha256\":\"dd\","
                + "\"sizeBytes\":20480}},"
                + "{\"packageId\":\"20000002\",\"version\":\"2.0.0\",\"sha256\":\"ee\",\"sizeBytes\":1},"
                + "{\"packageId\":\"20000003\",\"version\":\"3.0.0\",\"diff\":{\"fromVersion\":\"2.9.0\"}},"
                + "{\"packageId\":\"20000004\",\"version\":\"4.0.0\",\"diff\":\"not an object\"}"
                + "]}").getAsJsonObject(), "\"e1\"");

        PackageOffer offer = answer.packages().get("20000001");
        assertThat(offer.contentSha256()).isEqualTo("bb");
        assertThat(offer.signature()).isEqualTo("c2ln");
        assertThat(offer.diff().fromVersion()).isEqualTo("1.0.0");
        assertThat(offer.diff().downloadUrl()).isEqualTo("https://cdn/d.zip");
        assertThat(offer.diff().sha256()).isEqualTo("dd");
        assertThat(offer.diff().sizeBytes()).isEqualTo(20480);

        PackageOffer old = answer.packages().get("20000002");
        assertThat(old.contentSha256()).isNull();
        assertThat(old.signature()).isNull();
        assertThat(old.diff()).isNull();
        assertThat(answer.packages().get("20000003").diff()).as("a diff lacking fields is left out").isNull();
        assertThat(answer.packages().get("20000004").diff()).isNull();
    }
}
