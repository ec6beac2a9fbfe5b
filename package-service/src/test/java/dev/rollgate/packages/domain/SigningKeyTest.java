package dev.rollgate.packages.domain;

import dev.rollgate.contracts.release.Platform;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    private static byte[] message(String sha256) {
        return PackageSignature.message("20000001", "1.0.0", Platform.ANDROID, 1234, sha256, null);
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
        assertThat(new String(PackageSignature.message("20000001", "1.0.0", Platform.IOS, 10, "ab", "cd")))
                .isEqualTo("rollgate-package-signature-v1\npackageId=20000001\nversion=1.0.0\nplatform=IOS\n"
                        + "sizeBytes=10\nsha256=ab\ncontentSha256=cd\n");
        assertThat(new String(PackageSignature.message("20000001", "1.0.0", Platform.IOS, 10, "ab", null)))
                .endsWith("contentSha256=\n");
    }

    @Test
    void aTeamsOwnPairIsTakenAsPemAndAMismatchedPairIsRefused() {
        SigningKey own = SigningKey.generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + own.privateKey() + "\n-----END PRIVATE KEY-----\n";

        assertThat(SigningKey.fromPair(pem, own.publicKey())).isEqualTo(own);
        assertThatThrownBy(() -> SigningKey.fromPair(pem, SigningKey.generate().publicKey()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("publicKey"));
        assertThatThrownBy(() -> SigningKey.fromPair("not a key", own.publicKey()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("privateKey"));
    }
}
