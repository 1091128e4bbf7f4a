-- PostgreSQL twin of sqlite/0002_jobs_invoices.sql.
-- Jobs (repair orders on the shop's kanban board) and the invoices billed from them.
-- Money is integer minor units in the shop's currency; the tax rate is in basis points
-- (825 = 8.25 %) and is copied onto each invoice, so changing it never rewrites old invoices.

ALTER TABLE shops ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE shops ADD COLUMN tax_rate_bps BIGINT NOT NULL DEFAULT 0
    CHECK (tax_rate_bps BETWEEN 0 AND 10000);

CREATE TABLE jobs (
    id           TEXT COLLATE "C" PRIMARY KEY,
    shop_id      TEXT COLLATE "C" NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    livemode     BOOLEAN NOT NULL,
    location_id  TEXT COLLATE "C" NOT NULL REFERENCES locations (id),
    customer_id  TEXT COLLATE "C" NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    vehicle_id   TEXT COLLATE "C" NOT NULL REFERENCES vehicles (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    description  TEXT,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'in-progress', 'completed', 'cancelled')),
    -- A JSON array of line items; they are always read and written whole.
    line_items   TEXT NOT NULL,
    currency     TEXT NOT NULL,
    subtotal     BIGINT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    started_at   TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ
);
CREATE INDEX jobs_by_tenant ON jobs (shop_id, livemode, id);
CREATE INDEX jobs_by_customer ON jobs (customer_id, id);
CREATE INDEX jobs_by_vehicle ON jobs (vehicle_id, id);

CREATE TABLE invoices (
    id               TEXT COLLATE "C" PRIMARY KEY,
    shop_id          TEXT COLLATE "C" NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    livemode         BOOLEAN NOT NULL,
    location_id      TEXT COLLATE "C" NOT NULL REFERENCES locations (id),
    customer_id      TEXT COLLATE "C" NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    vehicle_id       TEXT COLLATE "C" REFERENCES vehicles (id) ON DELETE SET NULL,
    job_id           TEXT COLLATE "C" REFERENCES jobs (id) ON DELETE SET NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'paid', 'void')),
    currency         TEXT NOT NULL,
    tax_rate_bps     BIGINT NOT NULL,
    line_items       TEXT NOT NULL,
    subtotal         BIGINT NOT NULL,
    tax              BIGINT NOT NULL,
    total            BIGINT NOT NULL,
    notes            TEXT,
    sent_to          TEXT,
    sent_at          TIMESTAMPTZ,
    email_message_id TEXT,
    paid_at          TIMESTAMPTZ,
    amount_paid      BIGINT,
    payment_method   TEXT,
    voided_at        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX invoices_by_tenant ON invoices (shop_id, livemode, id);
CREATE INDEX invoices_by_job ON invoices (job_id);

-- The PDF last sent for an invoice, served through signed links.
CREATE TABLE invoice_pdfs (
    invoice_id  TEXT COLLATE "C" PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,
    pdf         BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Server-wide secrets generated on first use (e.g. the key that signs PDF links), so that
-- what they signed stays valid across restarts (and is the same on every replica).
CREATE TABLE server_secrets (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
