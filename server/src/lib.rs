//! The VinSnap Business API reference server.
//!
//! `api/` holds one folder per resource (routes, models, storage); `http/` the cross-cutting HTTP
//! pieces (error envelope, extractors, request ids, paging); `auth/` keys, scopes and tenancy;
//! `vin/` the offline VIN decoder; `core/` ids, validation and webhook plumbing; `events/` the
//! outbox; `dispatcher/` the webhook delivery worker.

pub mod api;
pub mod app;
pub mod auth;
pub mod config;
pub mod core;
pub mod db;
pub mod dispatcher;
pub mod events;
pub mod http;
pub mod shops;
pub mod state;
pub mod vin;

pub use app::{openapi, openapi_json, router};
pub use state::AppState;

/// Serves the API on `listener` until `shutdown` resolves, then drains in-flight requests.
/// The webhook dispatcher runs alongside for as long.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let dispatcher = dispatcher::spawn(state.db.clone(), state.webhooks.clone());
    let served = axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await;
    dispatcher.shutdown().await;
    served
}
