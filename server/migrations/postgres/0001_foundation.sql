-- PostgreSQL twin of sqlite/0001_foundation.sql: the same tables, columns and constraints, in
-- PostgreSQL's types (BOOLEAN, BIGINT, TIMESTAMPTZ). Ids sort by their bytes (COLLATE "C"), as
-- they do in SQLite, so "newest first" is the same order on both engines.
--
-- Shops are tenants; every row below a shop carries shop_id, and data rows carry livemode so
-- that test and live keys see fully separate data sets.

CREATE TABLE shops (
    id          TEXT COLLATE "C" PRIMARY KEY,
    name        TEXT NOT NULL,
    address     TEXT NOT NULL DEFAULT '',
    tier        TEXT NOT NULL DEFAULT 'pro' CHECK (tier IN ('free', 'pro', 'enterprise')),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE locations (
    id          TEXT COLLATE "C" PRIMARY KEY,
    shop_id     TEXT COLLATE "C" NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    address     TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX locations_by_shop ON locations (shop_id, id);

CREATE TABLE api_keys (
    id           TEXT COLLATE "C" PRIMARY KEY,
    shop_id      TEXT COLLATE "C" NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    mode         TEXT NOT NULL CHECK (mode IN ('test', 'live')),
    name         TEXT NOT NULL DEFAULT '',
    secret_hash  TEXT NOT NULL UNIQUE,
    redacted     TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    location_id  TEXT COLLATE "C" REFERENCES locations (id),
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_keys_by_shop ON api_keys (shop_id, mode, id);

CREATE TABLE customers (
    id           TEXT COLLATE "C" PRIMARY KEY,
    shop_id      TEXT COLLATE "C" NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    livemode     BOOLEAN NOT NULL,
    location_id  TEXT COLLATE "C" NOT NULL REFERENCES locations (id),
    name         TEXT NOT NULL,
    email        TEXT,
    phone        TEXT,
    -- Digits of phone only, so "5550142" finds "555-0142".
    phone_digits TEXT NOT NULL DEFAULT '',
    notes        TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX customers_by_tenant ON customers (shop_id, livemode, id);

CREATE TABLE vehicles (
    id            TEXT COLLATE "C" PRIMARY KEY,
    shop_id       TEXT COLLATE "C" NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    livemode      BOOLEAN NOT NULL,
    customer_id   TEXT COLLATE "C" NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    vin           TEXT,
    year          INTEGER,
    make          TEXT,
    model         TEXT,
    trim          TEXT,
    license_plate TEXT,
    color         TEXT,
    mileage       BIGINT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX vehicles_by_customer ON vehicles (customer_id, id);
CREATE INDEX vehicles_by_vin ON vehicles (shop_id, livemode, vin);
