-- A stand-in for a service's own rows, written in the same transaction as its events.
CREATE TABLE test_note (
    id   varchar(64) PRIMARY KEY,
    text varchar(200) NOT NULL
);
