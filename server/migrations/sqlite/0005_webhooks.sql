-- Outbound webhooks: endpoints, the event outbox, one delivery per (event, endpoint) and every
-- delivery attempt. Scheduling columns are integer unix milliseconds so that "due" and "older
-- than" comparisons are numeric (RFC 3339 text with varying fraction digits does not sort).

CREATE TABLE webhook_endpoints (
    id                         TEXT PRIMARY KEY,
    shop_id                    TEXT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    livemode                   INTEGER NOT NULL,
    url                        TEXT NOT NULL,
    -- JSON array of event type names, or ["*"].
    events                     TEXT NOT NULL,
    description                TEXT,
    active                     INTEGER NOT NULL DEFAULT 1,
    disabled_reason            TEXT,
    consecutive_failures       INTEGER NOT NULL DEFAULT 0,
    -- Kept in clear: signing needs the secret itself, not a digest.
    secret                     TEXT NOT NULL,
    previous_secret            TEXT,
    previous_secret_expires_ms INTEGER,
    created_at                 TEXT NOT NULL,
    updated_at                 TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (shop_id, livemode, id);

-- The outbox: written in the same transaction as the change it reports.
CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    shop_id     TEXT NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    livemode    INTEGER NOT NULL,
    type        TEXT NOT NULL,
    -- The exact request body every delivery of the event sends (and signs).
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_ms  INTEGER NOT NULL
);
CREATE INDEX events_by_age ON events (created_ms);

CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,
    endpoint_id      TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    event_type       TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempt_count    INTEGER NOT NULL DEFAULT 0,
    -- When the dispatcher should next pick it up; NULL once it has succeeded or failed for good.
    -- While an attempt is in flight it holds the lease's expiry.
    next_attempt_ms  INTEGER,
    leased           INTEGER NOT NULL DEFAULT 0,
    last_status_code INTEGER,
    last_attempt_at  TEXT,
    created_at       TEXT NOT NULL,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_ms)
    WHERE next_attempt_ms IS NOT NULL;
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

CREATE TABLE webhook_attempts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id   TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at  TEXT NOT NULL,
    status_code   INTEGER,
    -- The first 1 KiB of the receiver's answer.
    response_body TEXT NOT NULL DEFAULT '',
    duration_ms   INTEGER NOT NULL,
    error         TEXT
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
