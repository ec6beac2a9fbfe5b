-- Rows the relay could not publish however often it tried (the broker refuses them for good: too large,
-- or otherwise invalid). They move here, with the reason, so that the rows behind them go on; an operator
-- reads them here and fixes the cause. Nothing else writes this table.
CREATE TABLE outbox_dead_letter (
    id            bigint       PRIMARY KEY,
    topic         varchar(249) NOT NULL,
    message_key   varchar(200) NOT NULL,
    message_value text         NOT NULL,
    created_at    timestamptz  NOT NULL,
    reason        text         NOT NULL,
    dead_at       timestamptz  NOT NULL DEFAULT clock_timestamp()
);
