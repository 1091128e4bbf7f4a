//! The VinSnap Business API reference server.
//!
//! From the top down, and no import runs back up (`tests/it/layers.rs` checks it): `serve` runs
//! the process (connections, shutdown), `app` and `spec` assemble the router and the OpenAPI
//! document, `demo` seeds a first start; `api/` holds
//! one folder per resource (routes, models, storage); `dispatcher/` is the webhook delivery
//! worker and owns `webhook_deliveries`, `events/` the outbox, `shops` shops and billing; below
//! them the cross-cutting pieces: `http/` (error envelope, extractors, request ids, paging, rate
//! limits, idempotency), `auth/` (keys, scopes, tiers, tenancy), `db`, `vin/` (the offline VIN
//! decoder) and `core/` (ids, validation, time, webhook plumbing).

pub mod api;
pub mod app;
pub mod auth;
pub mod config;
pub mod core;
pub mod db;
pub mod demo;
pub mod dispatcher;
pub mod events;
pub mod http;
pub mod ops;
pub mod serve;
pub mod shops;
pub mod spec;
pub mod state;
pub mod vin;

pub use app::router;
pub use serve::serve;
pub use spec::{openapi, openapi_json};
pub use state::AppState;
