package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An app's Ed25519 key pair as the catalog keeps it: the private key as PKCS#8, the public key as the raw 32
 * bytes apps build in (what every Ed25519 library takes), both base64.
 */
public record SigningKey(String publicKey, String privateKey) {

    /** The fixed DER prefix of an Ed25519 public key (RFC 8410); the raw key is what follows it. */
    private static final byte[] X509_PREFIX = Base64.getDecoder().decode("MCowBQYDK2VwAyEA");

    public static SigningKey generate() {
        try {
            return of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /**
     * A team's own key pair: the private key as PKCS#8 (PEM, as {@code openssl genpkey -algorithm ed25519}
     * writes it, or base64), the public key raw (32 bytes, base64) or as PEM. The two must belong together,
     * which a signature made with one and checked with the other shows.
     */
    public static SigningKey fromPair(String privateText, String publicText) {
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(unwrapped(privateText))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid("privateKey", "must be an Ed25519 private key in PKCS#8, as PEM or base64");
        }
        SigningKey key;
        try {
            byte[] bytes = Base64.getDecoder().decode(unwrapped(publicText));
            byte[] raw;
            if (bytes.length == 32) {
                raw = bytes;
            } else if (bytes.length == X509_PREFIX.length + 32
                    && Arrays.equals(Arrays.copyOf(bytes, X509_PREFIX.length), X509_PREFIX)) {
                raw = Arrays.copyOfRange(bytes, X509_PREFIX.length, bytes.length);
            } else {
                throw new IllegalArgumentException("not an Ed25519 public key");
            }
            key = new SigningKey(Base64.getEncoder().encodeToString(raw),
                    Base64.getEncoder().encodeToString(privateKey.getEncoded()));
            key.publicKeyObject();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid("publicKey", "must be an Ed25519 public key: 32 bytes in base64, or PEM");
        }
        byte[] probe = "rollgate-key-check".getBytes(StandardCharsets.UTF_8);
        if (!PackageSignature.verify(key.publicKeyObject(), probe, PackageSignature.sign(privateKey, probe))) {
            throw invalid("publicKey", "does not belong to the private key");
        }
        return key;
    }

    public PrivateKey privateKeyObject() {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored signing key could not be read", e);
        }
    }

    public PublicKey publicKeyObject() {
        byte[] raw = Base64.getDecoder().decode(publicKey);
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key could not be read", e);
        }
    }

    private static SigningKey of(KeyPair pair) {
        byte[] der = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(der, der.length - 32, der.length);
        return new SigningKey(Base64.getEncoder().encodeToString(raw),
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
    }

    private static String unwrapped(String text) {
        return text == null ? "" : text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }
}
