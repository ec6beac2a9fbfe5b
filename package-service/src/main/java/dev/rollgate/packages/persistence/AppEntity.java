package dev.rollgate.packages.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "app")
public class AppEntity extends PanacheEntityBase {

    @Id
    @Column(name = "app_key")
    public String appKey;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The raw Ed25519 public key, base64; null for an app registered before signing existed, until first used. */
    @Column(name = "signing_public_key")
    public String signingPublicKey;

    /**
     * The private key (PKCS#8, base64). Kept with the catalog because package-service signs every version it
     * registers; a deployment that must keep it elsewhere puts the database under the same protection.
     */
    @Column(name = "signing_private_key")
    public String signingPrivateKey;

    @Column(name = "signing_key_set_at")
    public Instant signingKeySetAt;
}
