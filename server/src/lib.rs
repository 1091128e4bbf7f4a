//! The VinSnap Business API reference server.
//!
//! From the top down, and no import runs back up (`tests/it/layers.rs` checks it): `app` and
//! `spec` assemble the router and the OpenAPI document, `demo` seeds a first start; `api/` holds
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
pub mod shops;
pub mod spec;
pub mod state;
pub mod vin;

pub use app::router;
pub use spec::{openapi, openapi_json};
pub use state::AppState;

/// Serves the API on `listener` until `shutdown` resolves, then drains in-flight requests.
/// The webhook dispatcher runs alongside for as long.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let dispatcher = dispatcher::spawn(
        state.db.clone(),
        state.webhooks.clone(),
        state.metrics.clone(),
    );
    let served = axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await;
    dispatcher.shutdown().await;
    served
}
