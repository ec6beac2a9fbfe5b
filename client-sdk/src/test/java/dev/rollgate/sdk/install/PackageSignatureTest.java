package dev.rollgate.sdk.install;

import dev.rollgate.sdk.PackageOffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signs as package-service would, with the JDK's own Ed25519, and checks with the SDK's. */
class PackageSignatureTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String CONTENT = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    private final Ed25519Signer key = new Ed25519Signer();
    private final PackageSignature check = PackageSignature.fromBase64(key.publicKeyBase64());

    private static PackageOffer.Builder offer() {
        return PackageOffer.builder("20000001", "1.0.1").downloadUrl("https://cdn/p.zip").sha256(SHA)
                .sizeBytes(5_242_880).contentSha256(CONTENT).mainUrl("/index.html");
    }

    private static String message(String platform, String contentSha256) {
        return "rollgate-package-signature-v1\n"
                + "packageId=20000001\n"
                + "version=1.0.1\n"
                + "platform=" + platform + "\n"
                + "sizeBytes=5242880\n"
                + "sha256=" + SHA + "\n"
                + "contentSha256=" + contentSha256 + "\n"
                + "mainUrl=/index.html\n"
                + "fallbackBaseUrl=\n";
    }

    private PackageOffer signed(UnaryOperator<PackageOffer.Builder> change) throws Exception {
        return change.apply(offer().signature(key.sign(message("ANDROID", CONTENT)))).build();
    }

    @Test
    void theSignedMessageIsTheOneInTheDocs() {
        assertThat(PackageSignature.message(offer().build(), "ANDROID")).isEqualTo(message("ANDROID", CONTENT));
        assertThat(PackageSignature.message(offer().contentSha256(null).sha256(SHA.toUpperCase()).build(), "IOS"))
                .as("an external file has no content digest; hex is lower-case")
                .isEqualTo(message("IOS", ""));
    }

    @Test
    void aGoodSignatureVerifies() throws Exception {
        assertThatCode(() -> check.verify(signed(b -> b), "ANDROID")).doesNotThrowAnyException();
    }

    @Test
    void anExternalFileSignedWithAnEmptyContentDigestVerifies() throws Exception {
        PackageOffer offer = offer().contentSha256(null).signature(key.sign(message("IOS", ""))).build();
        assertThatCode(() -> check.verify(offer, "IOS")).doesNotThrowAnyException();
    }

    @Test
    void everySignedFieldIsCovered() throws Exception {
        assertRefused(signed(b -> PackageOffer.builder("20000002", "1.0.1").sha256(SHA).sizeBytes(5_242_880)
                .contentSha256(CONTENT).signature(b.build().signature())), "ANDROID");
        assertRefused(signed(b -> PackageOffer.builder("20000001", "1.0.2").sha256(SHA).sizeBytes(5_242_880)
                .contentSha256(CONTENT).signature(b.build().signature())), "ANDROID");
        assertRefused(signed(b -> b.sizeBytes(5_242_881)), "ANDROID");
        assertRefused(signed(b -> b.sha256(CONTENT)), "ANDROID");
        assertRefused(signed(b -> b.contentSha256(SHA)), "ANDROID");
        assertRefused(signed(b -> b.contentSha256(null)), "ANDROID");
        assertRefused(signed(b -> b.mainUrl("https://evil.example.com/")), "ANDROID");
        assertRefused(signed(b -> b.fallbackBaseUrl("https://evil.example.com/")), "ANDROID");
        assertRefused(signed(b -> b), "IOS");
    }

    @Test
    void aSignatureMadeWithAnotherKeyIsRefused() throws Exception {
        PackageOffer offer = offer().signature(new Ed25519Signer().sign(message("ANDROID", CONTENT))).build();
        assertRefused(offer, "ANDROID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "AAAA", "c2lnbmF0dXJl"})
    void aMalformedSignatureIsRefused(String signature) {
        assertRefused(offer().signature(signature).build(), "ANDROID");
    }

    @Test
    void anUnsignedOfferIsRefused() {
        assertRefused(offer().build(), "ANDROID");
    }

    @Test
    void aSignatureCutShortOrLengthenedIsRefused() throws Exception {
        byte[] good = Base64.getDecoder().decode(signed(b -> b).signature());
        assertRefused(offer().signature(Base64.getEncoder().encodeToString(Arrays.copyOf(good, 63))).build(),
                "ANDROID");
        assertRefused(offer().signature(Base64.getEncoder().encodeToString(Arrays.copyOf(good, 65))).build(),
                "ANDROID");
    }

    /** The last: 32 bytes, but a y coordinate past the field's prime, so no point at all. */
    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "/////////////////////////////////////////38="})
    void aKeyThatIsNoRawEd25519KeyIsRefusedAtOnce(String key) {
        assertThatThrownBy(() -> PackageSignature.fromBase64(key)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(PackageOffer offer, String platform) {
        assertThatThrownBy(() -> check.verify(offer, platform)).isInstanceOf(InstallException.class)
                .extracting("reason").isEqualTo("SIGNATURE");
    }
}
