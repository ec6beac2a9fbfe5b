package dev.rollgate.release.persistence;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.TaskState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A release task as the console reads it; grayscale, rules and artifact are kept as their JSON. */
@Entity
@Table(name = "release_task_view")
public class ReleaseTaskView extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public String taskId;

    @Column(name = "app_key")
    public String appKey;

    @Column(name = "package_id")
    public String packageId;

    public String version;

    @Enumerated(EnumType.STRING)
    public Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(name = "release_type")
    public ReleaseType releaseType;

    @Enumerated(EnumType.STRING)
    public TaskState state;

    public String grayscale;

    public String rules;

    /** JSON, or null for a task that never pauses by itself. */
    public String safeguard;

    public String description;

    @Column(name = "batch_id")
    public String batchId;

    public String artifact;

    @Column(name = "stream_version")
    public long streamVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;
}
