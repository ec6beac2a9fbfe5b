package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.release.Platform;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    private static byte[] message(String sha256) {
        return PackageSignature.message("20000001", "1.0.0", Platform.ANDROID, 1234, sha256, null, "/index.html", null);
    }

    @Test
    void aSignatureVerifiesWithTheRawPublicKeyAndNotForAnotherPackage() {
        SigningKey key = SigningKey.generate();
        String signature = PackageSignature.sign(key.privateKeyObject(), message("ab".repeat(32)));

        assertThat(Base64.getDecoder().decode(key.publicKey())).hasSize(32);
        assertThat(Base64.getDecoder().decode(signature)).hasSize(64);
        assertThat(PackageSignature.verify(key.publicKeyObject(), message("ab".repeat(32)), signature)).isTrue();
        assertThat(PackageSignature.verify(key.publicKeyObject(), message("cd".repeat(32)), signature)).isFalse();
        assertThat(PackageSignature.verify(SigningKey.generate().publicKeyObject(), message("ab".repeat(32)),
                signature)).isFalse();
    }

    @Test
    void theMessageIsTheDocumentedText() {
        assertThat(new String(PackageSignature.message("20000001", "1.0.0", Platform.IOS, 10, "ab", "cd",
                "/index.html", "https://m.example.com/")))
                .isEqualTo("rollgate-package-signature-v1\npackageId=20000001\nversion=1.0.0\nplatform=IOS\n"
                        + "sizeBytes=10\nsha256=ab\ncontentSha256=cd\nmainUrl=/index.html\n"
                        + "fallbackBaseUrl=https://m.example.com/\n");
        assertThat(new String(PackageSignature.message("20000001", "1.0.0", Platform.IOS, 10, "ab", null, null,
                null))).endsWith("contentSha256=\nmainUrl=\nfallbackBaseUrl=\n");
    }

    @Test
    void aTeamsOwnPairIsTakenAsPemAndAMismatchedPairIsRefused() {
        SigningKey own = SigningKey.generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + own.privateKey() + "\n-----END PRIVATE KEY-----\n";

        assertThat(SigningKey.fromPair(pem, own.publicKey())).isEqualTo(own);
        assertThatThrownBy(() -> SigningKey.fromPair(pem, SigningKey.generate().publicKey()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("publicKey"));
        for (String wrongSize : new String[] {"AAAA", own.publicKey().substring(0, 40),
                java.util.Base64.getEncoder().encodeToString(new byte[40])}) {
            assertThatThrownBy(() -> SigningKey.fromPair(pem, wrongSize)).as(wrongSize)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().getFirst().field()).isEqualTo("publicKey"));
        }
        assertThatThrownBy(() -> SigningKey.fromPair("not a key", own.publicKey()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("privateKey"));
    }
}
