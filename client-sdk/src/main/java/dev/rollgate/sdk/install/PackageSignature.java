package dev.rollgate.sdk.install;

import dev.rollgate.sdk.PackageOffer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks an offer's Ed25519 signature with the app's public key before anything of it is downloaded: with the
 * key built into the app, a compromised CDN, cache or answer cannot make the device install a package that
 * package-service did not sign. The signed message is the one in docs/package-files.md.
 *
 * <p>Bouncy Castle's lightweight Ed25519, because {@code java.security} has none on Android API 26 or Java 11.
 */
public final class PackageSignature {

    static final String FORMAT = "rollgate-package-signature-v1";

    private final byte[] publicKey;

    private PackageSignature(byte[] publicKey) {
        this.publicKey = publicKey;
    }

    /**
     * @param base64PublicKey the app's raw 32-byte Ed25519 public key in base64, as
     *                        {@code GET /api/v1/apps/{appKey}/signing-key} gives it
     * @throws IllegalArgumentException when it is not such a key
     */
    public static PackageSignature fromBase64(String base64PublicKey) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64PublicKey == null ? "" : base64PublicKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signing key is not base64: " + e.getMessage(), e);
        }
        if (key.length != Ed25519.PUBLIC_KEY_SIZE || !Ed25519.validatePublicKeyPartial(key, 0)) {
            throw new IllegalArgumentException("the signing key is not a raw " + Ed25519.PUBLIC_KEY_SIZE
                    + "-byte Ed25519 public key");
        }
        return new PackageSignature(key);
    }

    /**
     * @param platform the platform the device asked for ({@code ANDROID} or {@code IOS}): a package signed for
     *                 the other one is refused
     * @throws InstallException {@code SIGNATURE} when the offer is unsigned or its signature does not verify
     */
    public void verify(PackageOffer offer, String platform) throws InstallException {
        if (offer.signature() == null || offer.signature().isEmpty()) {
            throw new InstallException("SIGNATURE", offer + " is not signed, and this app takes signed packages only");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(offer.signature().trim());
        } catch (IllegalArgumentException e) {
            throw new InstallException("SIGNATURE", "the signature of " + offer + " is not base64");
        }
        byte[] message = message(offer, platform).getBytes(StandardCharsets.UTF_8);
        if (signature.length != Ed25519.SIGNATURE_SIZE
                || !Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) {
            throw new InstallException("SIGNATURE", "the signature of " + offer + " does not verify with the "
                    + "app's signing key");
        }
    }

    /**
     * The signed text: every field on a line of its own, so that no field can pass for another. The main and
     * fallback addresses are in it: an altered answer must not point a correctly installed package elsewhere.
     */
    static String message(PackageOffer offer, String platform) {
        return FORMAT + "\n"
                + "packageId=" + offer.packageId() + "\n"
                + "version=" + offer.version() + "\n"
                + "platform=" + platform + "\n"
                + "sizeBytes=" + offer.sizeBytes() + "\n"
                + "sha256=" + lowerCase(offer.sha256()) + "\n"
                + "contentSha256=" + lowerCase(offer.contentSha256()) + "\n"
                + "mainUrl=" + orEmpty(offer.mainUrl()) + "\n"
                + "fallbackBaseUrl=" + orEmpty(offer.fallbackBaseUrl()) + "\n";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String lowerCase(String hex) {
        return hex == null ? "" : hex.toLowerCase(Locale.ROOT);
    }
}
