package dev.rollgate.sdk.install;

import dev.rollgate.sdk.PackageOffer;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/** An app's signing key as package-service holds it, with the JDK's own Ed25519 (not the SDK's). */
public final class Ed25519Signer {

    private final KeyPair keys;

    public Ed25519Signer() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte public key in base64: the X.509 form's last 32 bytes. */
    public String publicKeyBase64() {
        byte[] encoded = keys.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    public String sign(String message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The offer's signature as package-service makes it, over the message the SDK builds for the platform. */
    public String sign(PackageOffer offer, String platform) {
        return sign(PackageSignature.message(offer, platform));
    }
}
