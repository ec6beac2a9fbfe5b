-- Package files: each app's Ed25519 key pair, the stored object and content digest of uploaded versions,
-- every version's signature, and the diff packages to a version from earlier ones.

ALTER TABLE app
    ADD COLUMN signing_public_key  varchar(64),
    ADD COLUMN signing_private_key varchar(128),
    ADD COLUMN signing_key_set_at  timestamptz;

ALTER TABLE package_version
    ADD COLUMN object_key     varchar(1024),
    ADD COLUMN content_sha256 char(64),
    ADD COLUMN signature      varchar(128);

CREATE TABLE version_diff (
    id           bigserial     PRIMARY KEY,
    version_ref  bigint        NOT NULL REFERENCES package_version (id),
    from_version varchar(128)  NOT NULL,
    object_key   varchar(1024) NOT NULL,
    download_url varchar(2048) NOT NULL,
    sha256       char(64)      NOT NULL,
    size_bytes   bigint        NOT NULL CHECK (size_bytes > 0),
    CONSTRAINT version_diff_unique UNIQUE (version_ref, from_version)
);
