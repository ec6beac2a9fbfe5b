-- Shipped in the outbox library jar. Versions 0.x sort before every service's own migrations (V1+),
-- so a service lists both locations: quarkus.flyway.locations=db/migration,db/outbox

-- The append-only event store: a stream's events are numbered 1, 2, 3... and a stale writer's insert
-- collides with the unique constraint.
CREATE TABLE event_store (
    global_position bigserial    PRIMARY KEY,
    stream_id       varchar(200) NOT NULL,
    stream_version  bigint       NOT NULL CHECK (stream_version > 0),
    event_type      varchar(100) NOT NULL,
    payload         jsonb        NOT NULL,
    metadata        jsonb        NOT NULL,
    recorded_at     timestamptz  NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT event_store_stream_version UNIQUE (stream_id, stream_version)
);

CREATE FUNCTION event_store_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are never updated or deleted (% refused); a correction is a new event', TG_OP;
END
$$;
CREATE TRIGGER event_store_append_only BEFORE UPDATE OR DELETE ON event_store
    FOR EACH ROW EXECUTE FUNCTION event_store_refuse_change();
CREATE TRIGGER event_store_no_truncate BEFORE TRUNCATE ON event_store
    FOR EACH STATEMENT EXECUTE FUNCTION event_store_refuse_change();

-- Messages for the relay, written in the transaction that decided them. xid is the writing
-- transaction's id: the relay reads only rows whose transaction is older than every running one, so a
-- row whose transaction commits after a later row's is never skipped.
CREATE TABLE outbox (
    id            bigserial    PRIMARY KEY,
    xid           xid8         NOT NULL DEFAULT pg_current_xact_id(),
    topic         varchar(249) NOT NULL,
    message_key   varchar(200) NOT NULL,
    message_value text         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT clock_timestamp(),
    sent_at       timestamptz
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Wakes the relay: a NOTIFY is delivered when its transaction commits, and only then.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('rollgate_outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
