package dev.rollgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Console tokens for tests, signed RS256 with the key pair the test command made
 * ({@code JWT_PRIVATE_KEY_LOCATION}), as {@code deploy/local/token} mints them; and the bad ones a test
 * needs: expired, or signed by a key nobody trusts.
 */
public final class TestTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    /** A token of the test run's key, or null when the run has none (tests started outside the test command). */
    public static String admin(String subject) {
        return available() ? mint(subject, List.of("admin"), List.of("*"), Duration.ofHours(1)) : null;
    }

    public static boolean available() {
        String location = System.getenv("JWT_PRIVATE_KEY_LOCATION");
        return location != null && Files.isRegularFile(Path.of(location));
    }

    public static String mint(String subject, List<String> groups, List<String> apps, Duration lifetime) {
        return sign(subject, groups, apps, Instant.now(), lifetime, trustedKey());
    }

    public static String expired(String subject) {
        return sign(subject, List.of("admin"), List.of("*"), Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1), trustedKey());
    }

    public static String signedByAStranger(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(subject, List.of("admin"), List.of("*"), Instant.now(), Duration.ofHours(1),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String subject, List<String> groups, List<String> apps, Instant issuedAt,
                               Duration lifetime, PrivateKey key) {
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = URL.encodeToString(("{\"iss\":\"" + System.getenv().getOrDefault("JWT_ISSUER", "rollgate")
                + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\",\"groups\":" + list(groups)
                + ",\"apps\":" + list(apps) + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + issuedAt.plus(lifetime).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String list(List<String> items) {
        return items.stream().map(item -> "\"" + item + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static PrivateKey trustedKey() {
        String location = System.getenv("JWT_PRIVATE_KEY_LOCATION");
        if (location == null) {
            throw new IllegalStateException("JWT_PRIVATE_KEY_LOCATION is not set: run the tests with deploy/local/test");
        }
        try {
            String pem = Files.readString(Path.of(location)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test signing key " + location, e);
        }
    }
}
