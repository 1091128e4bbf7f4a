-- PostgreSQL twin of sqlite/0004_idempotency.sql.
-- Responses to POSTs sent with an `Idempotency-Key`, per API key, kept 24 hours. A row whose
-- status is NULL belongs to a request still being handled.

CREATE TABLE idempotency_keys (
    api_key_id   TEXT COLLATE "C" NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    status       INTEGER,
    headers      TEXT,
    body         BYTEA,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (api_key_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
