package dev.rollgate.packages.domain;

import dev.rollgate.contracts.release.Platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The Ed25519 signature over what identifies a package version and its bytes. An SDK rebuilds the same
 * message from the client API's answer; the format is fixed by its first line and documented for SDK authors.
 */
public final class PackageSignature {

    private PackageSignature() {
    }

    /**
     * @param contentSha256 null for an external file, whose content Rollgate never saw
     * @param mainUrl       what the container opens: signed too, or an altered answer could point a correctly
     *                      installed package's entry at any address
     */
    public static byte[] message(String packageId, String version, Platform platform, long sizeBytes, String sha256,
                                 String contentSha256, String mainUrl, String fallbackBaseUrl) {
        String text = "rollgate-package-signature-v1\n"
                + "packageId=" + packageId + "\n"
                + "version=" + version + "\n"
                + "platform=" + platform.name() + "\n"
                + "sizeBytes=" + sizeBytes + "\n"
                + "sha256=" + sha256 + "\n"
                + "contentSha256=" + (contentSha256 == null ? "" : contentSha256) + "\n"
                + "mainUrl=" + (mainUrl == null ? "" : mainUrl) + "\n"
                + "fallbackBaseUrl=" + (fallbackBaseUrl == null ? "" : fallbackBaseUrl) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature in base64. */
    public static String sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 signature could not be made", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
