-- Read models (projections) of the event store, updated in each command's transaction by the Projector
-- and rebuildable from the events alone. The events themselves are in event_store (db/outbox).

CREATE TABLE release_task_view (
    task_id        varchar(36)  PRIMARY KEY,
    app_key        varchar(63)  NOT NULL,
    package_id     varchar(8)   NOT NULL,
    version        varchar(128) NOT NULL,
    platform       varchar(16)  NOT NULL,
    release_type   varchar(16)  NOT NULL,
    state          varchar(16)  NOT NULL,
    grayscale      text,
    rules          text         NOT NULL,
    description    varchar(500),
    batch_id       varchar(36),
    artifact       text         NOT NULL,
    stream_version bigint       NOT NULL,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    created_by     varchar(128) NOT NULL,
    updated_by     varchar(128) NOT NULL
);
-- At most one active task per package and platform, also against two concurrent creates.
CREATE UNIQUE INDEX release_task_one_active ON release_task_view (app_key, package_id, platform)
    WHERE state IN ('RELEASING', 'PAUSED');
CREATE INDEX release_task_by_app ON release_task_view (app_key, created_at DESC, task_id);

CREATE TABLE release_task_whitelist (
    task_id      varchar(36) NOT NULL REFERENCES release_task_view (task_id),
    whitelist_id varchar(36) NOT NULL,
    PRIMARY KEY (task_id, whitelist_id)
);
CREATE INDEX release_task_whitelist_by_whitelist ON release_task_whitelist (whitelist_id);

CREATE TABLE whitelist_view (
    whitelist_id   varchar(36)  PRIMARY KEY,
    app_key        varchar(63)  NOT NULL,
    name           varchar(128) NOT NULL,
    id_type        varchar(16)  NOT NULL,
    member_count   bigint       NOT NULL,
    deleted        boolean      NOT NULL,
    stream_version bigint       NOT NULL,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    created_by     varchar(128) NOT NULL
);
CREATE UNIQUE INDEX whitelist_name_per_app ON whitelist_view (app_key, name) WHERE NOT deleted;

CREATE TABLE whitelist_member (
    whitelist_id varchar(36)  NOT NULL,
    member_id    varchar(128) NOT NULL,
    PRIMARY KEY (whitelist_id, member_id)
);
