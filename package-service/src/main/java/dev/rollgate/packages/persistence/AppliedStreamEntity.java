package dev.rollgate.packages.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last streamVersion of one event stream whose effect is stored here. */
@Entity
@Table(name = "applied_stream")
public class AppliedStreamEntity extends PanacheEntityBase {

    @Id
    @Column(name = "stream_id")
    public String streamId;

    @Column(name = "stream_version")
    public long streamVersion;
}
