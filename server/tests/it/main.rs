//! One integration-test binary: every test starts the real server on port 0 with a fresh database
//! and talks to it over HTTP. The database is SQLite, or PostgreSQL with
//! `VINSNAP_TEST_ENGINE=postgres` (`./scripts/test` runs the suite on both; see
//! `vinsnap_testkit::database`).

mod api_keys;
mod cli;
mod customers;
mod errors;
mod idempotency;
mod invoice_send;
mod invoices;
mod jobs;
mod layers;
mod mime;
mod ops;
mod parts;
mod rate_limits;
mod raw_http;
mod scopes;
mod shutdown;
mod smtp_sink;
mod spec;
mod stored_data;
mod tenancy;
mod vehicles;
mod vin;
mod vpic;
mod webhooks;
