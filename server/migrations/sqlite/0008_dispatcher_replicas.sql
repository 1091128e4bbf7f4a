-- Many dispatchers on one database (PostgreSQL replicas; on SQLite, one server and its restarts).
-- Each running dispatcher has a row it renews every few seconds; a delivery's lease names the
-- dispatcher holding it, so a starting or surviving replica releases only the leases of
-- dispatchers that stopped renewing (dead), never those of live ones.
CREATE TABLE dispatcher_replicas (
    id           TEXT PRIMARY KEY,
    started_ms   INTEGER NOT NULL,
    heartbeat_ms INTEGER NOT NULL
);
ALTER TABLE webhook_deliveries ADD COLUMN leased_by TEXT;

-- Periodic work done once across replicas (the webhook log retention sweep): when it last ran.
CREATE TABLE scheduled_runs (
    task        TEXT PRIMARY KEY,
    last_run_ms INTEGER NOT NULL
);
