-- PostgreSQL twin of sqlite/0005_webhooks.sql.
-- Outbound webhooks: endpoints, the event outbox, one delivery per (event, endpoint) and every
-- delivery attempt. Scheduling columns are integer unix milliseconds, as on SQLite.

CREATE TABLE webhook_endpoints (
    id                         TEXT COLLATE "C" PRIMARY KEY,
    shop_id                    TEXT COLLATE "C" NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    livemode                   BOOLEAN NOT NULL,
    url                        TEXT NOT NULL,
    -- JSON array of event type names, or ["*"].
    events                     TEXT NOT NULL,
    description                TEXT,
    active                     BOOLEAN NOT NULL DEFAULT TRUE,
    disabled_reason            TEXT,
    consecutive_failures       BIGINT NOT NULL DEFAULT 0,
    -- Kept in clear: signing needs the secret itself, not a digest.
    secret                     TEXT NOT NULL,
    previous_secret            TEXT,
    previous_secret_expires_ms BIGINT,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (shop_id, livemode, id);

-- The outbox: written in the same transaction as the change it reports.
CREATE TABLE events (
    id          TEXT COLLATE "C" PRIMARY KEY,
    shop_id     TEXT COLLATE "C" NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    livemode    BOOLEAN NOT NULL,
    type        TEXT NOT NULL,
    -- The exact request body every delivery of the event sends (and signs).
    payload     TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_ms  BIGINT NOT NULL
);
CREATE INDEX events_by_age ON events (created_ms);

CREATE TABLE webhook_deliveries (
    id               TEXT COLLATE "C" PRIMARY KEY,
    endpoint_id      TEXT COLLATE "C" NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    event_type       TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempt_count    BIGINT NOT NULL DEFAULT 0,
    -- When the dispatcher should next pick it up; NULL once it has succeeded or failed for good.
    -- While an attempt is in flight it holds the lease's expiry.
    next_attempt_ms  BIGINT,
    leased           BOOLEAN NOT NULL DEFAULT FALSE,
    last_status_code BIGINT,
    last_attempt_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_ms)
    WHERE next_attempt_ms IS NOT NULL;
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

CREATE TABLE webhook_attempts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   TEXT COLLATE "C" NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at  TIMESTAMPTZ NOT NULL,
    status_code   BIGINT,
    -- The first 1 KiB of the receiver's answer.
    response_body TEXT NOT NULL DEFAULT '',
    duration_ms   BIGINT NOT NULL,
    error         TEXT
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
