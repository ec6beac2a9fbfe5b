-- Apps, their H5 packages and the packages' versions per platform.

CREATE TABLE app (
    app_key    varchar(63)  PRIMARY KEY,
    name       varchar(128) NOT NULL,
    created_at timestamptz  NOT NULL
);

CREATE TABLE package (
    id              bigserial    PRIMARY KEY,
    app_key         varchar(63)  NOT NULL REFERENCES app (app_key),
    package_id      char(8)      NOT NULL,
    name            varchar(128) NOT NULL,
    description     varchar(1000),
    type            varchar(16)  NOT NULL,
    vhost           varchar(253),
    -- The highest version over all platforms and its state: what the console's package list shows.
    highest_version varchar(128),
    status          varchar(32),
    created_at      timestamptz  NOT NULL,
    CONSTRAINT package_unique_per_app UNIQUE (app_key, package_id)
);
CREATE INDEX package_by_app_status ON package (app_key, status);

-- Per package and platform, its highest version and that version's state. A new version must be
-- higher than every earlier one on its platform, so the newest version is always the head.
CREATE TABLE package_head (
    id          bigserial    PRIMARY KEY,
    package_ref bigint       NOT NULL REFERENCES package (id),
    platform    varchar(16)  NOT NULL,
    version     varchar(128) NOT NULL,
    state       varchar(32)  NOT NULL,
    CONSTRAINT package_head_one_per_platform UNIQUE (package_ref, platform)
);

CREATE TABLE package_version (
    id                 bigserial     PRIMARY KEY,
    package_ref        bigint        NOT NULL REFERENCES package (id),
    version            varchar(128)  NOT NULL,
    platform           varchar(16)   NOT NULL,
    state              varchar(32)   NOT NULL,
    download_url       varchar(2048) NOT NULL,
    sha256             char(64)      NOT NULL,
    size_bytes         bigint        NOT NULL CHECK (size_bytes > 0),
    main_url           varchar(2048),
    fallback_base_url  varchar(2048),
    client_version_min varchar(128)  NOT NULL,
    client_version_max varchar(128),
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    CONSTRAINT package_version_unique UNIQUE (package_ref, platform, version)
);

-- The last streamVersion applied per event stream, so that a redelivered release event changes nothing.
CREATE TABLE applied_stream (
    stream_id      varchar(200) PRIMARY KEY,
    stream_version bigint       NOT NULL
);
