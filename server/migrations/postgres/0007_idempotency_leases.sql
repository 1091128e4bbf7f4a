-- PostgreSQL twin of sqlite/0007_idempotency_leases.sql.
-- A claimed key is held by one running request under a lease: `owner` names the holder (its
-- process instance, then the claim), and `lease_expires_ms` says until when the claim holds. The
-- holder renews the lease while its request runs, so a claim whose lease has lapsed was left by a
-- process that died mid-request, and the next request with the key takes it over. Safe with
-- several server processes on one database: a live process's claims never lapse.
ALTER TABLE idempotency_keys ADD COLUMN owner TEXT COLLATE "C";
ALTER TABLE idempotency_keys ADD COLUMN lease_expires_ms BIGINT;
