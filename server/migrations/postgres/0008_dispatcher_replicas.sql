-- PostgreSQL twin of sqlite/0008_dispatcher_replicas.sql.
-- Many dispatchers on one database: each running dispatcher has a row it renews every few
-- seconds; a delivery's lease names the dispatcher holding it, so a starting or surviving
-- replica releases only the leases of dispatchers that stopped renewing (dead), never those of
-- live ones.
CREATE TABLE dispatcher_replicas (
    id           TEXT COLLATE "C" PRIMARY KEY,
    started_ms   BIGINT NOT NULL,
    heartbeat_ms BIGINT NOT NULL
);
ALTER TABLE webhook_deliveries ADD COLUMN leased_by TEXT COLLATE "C";

-- Periodic work done once across replicas (the webhook log retention sweep): when it last ran.
CREATE TABLE scheduled_runs (
    task        TEXT COLLATE "C" PRIMARY KEY,
    last_run_ms BIGINT NOT NULL
);
