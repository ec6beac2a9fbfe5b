package dev.rollgate.packages.rest;

import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.packages.domain.SigningKey;
import dev.rollgate.packages.persistence.AppEntity;
import dev.rollgate.packages.service.AppSigningKeys;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;

@Path("/api/v1/apps/{appKey}/signing-key")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apps")
public class SigningKeyResource {

    /** The key apps build in to verify packages; the private half never leaves the service. */
    public record PublicSigningKey(String appKey, String algorithm, String publicKey, Instant setAt) {

        static PublicSigningKey of(AppEntity app) {
            return new PublicSigningKey(app.appKey, "Ed25519", app.signingPublicKey, app.signingKeySetAt);
        }
    }

    /** A team's own key pair, PEM or base64 (see docs/package-files.md). */
    public record NewSigningKey(@NotBlank @Size(max = 4096) String privateKey,
                                @NotBlank @Size(max = 4096) String publicKey) {
    }

    private final AppSigningKeys keys;

    SigningKeyResource(AppSigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "The app's Ed25519 public key (raw, base64), which its SDK verifies packages with")
    public Uni<PublicSigningKey> get(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey) {
        return keys.publicKey(appKey).map(PublicSigningKey::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Use the team's own Ed25519 key pair for the app (admin; only before its first version)")
    public Uni<PublicSigningKey> set(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @Valid @NotNull NewSigningKey request) {
        SigningKey key = SigningKey.fromPair(request.privateKey(), request.publicKey());
        return keys.replace(appKey, key).map(PublicSigningKey::of);
    }
}
