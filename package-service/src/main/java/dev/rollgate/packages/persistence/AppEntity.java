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
}
