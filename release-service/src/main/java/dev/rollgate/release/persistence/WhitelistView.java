package dev.rollgate.release.persistence;

import dev.rollgate.contracts.release.IdType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "whitelist_view")
public class WhitelistView extends PanacheEntityBase {

    @Id
    @Column(name = "whitelist_id")
    public String whitelistId;

    @Column(name = "app_key")
    public String appKey;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    public IdType idType;

    @Column(name = "member_count")
    public long memberCount;

    public boolean deleted;

    @Column(name = "stream_version")
    public long streamVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "created_by")
    public String createdBy;
}
