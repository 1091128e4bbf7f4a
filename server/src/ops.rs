//! What an operator (or a load balancer, or Prometheus) asks a replica, outside the API: is it
//! alive (`GET /healthz`), can it serve (`GET /readyz`), and what has it been doing
//! (`GET /metrics`). None needs a key, and none is part of the API's spec.

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;
use std::time::Instant;

use crate::core::time;
use crate::dispatcher::queue;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
}

/// Alive: the process answers. Nothing else is checked, so a slow database never gets a
/// replica restarted.
async fn healthz() -> Response {
    axum::Json(json!({ "status": "ok" })).into_response()
}

/// Ready to serve: the database answers (503 when it doesn't), and Redis too when the server
/// runs with `--redis`. Without Redis a replica still serves, counting rate limits on its own,
/// so Redis being away reports `degraded` with 200: a load balancer keeps the replicas rather
/// than take every one of them out over a shared counter.
async fn readyz(State(state): State<AppState>) -> Response {
    let database = match state.db.ping().await {
        Ok(()) => json!("ok"),
        Err(err) => json!(format!("unreachable: {err}")),
    };
    let database_ok = database == "ok";
    let redis = match state.rate_limits.redis_health().await {
        None => json!("not configured"),
        Some(Ok(())) => json!("ok"),
        Some(Err(err)) => json!(format!(
            "unreachable ({err}): rate limits are counted per replica until it answers"
        )),
    };
    let redis_ok = redis == "ok" || redis == "not configured";
    let (status, word) = match (database_ok, redis_ok) {
        (false, _) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
        (true, false) => (StatusCode::OK, "degraded"),
        (true, true) => (StatusCode::OK, "ok"),
    };
    let body = json!({ "status": word, "checks": { "database": database, "redis": redis } });
    (status, axum::Json(body)).into_response()
}

/// Prometheus' text format; the webhook queue's depth is read from the database now.
async fn metrics(State(state): State<AppState>) -> Response {
    match queue::depth(&state.db, time::now().timestamp_millis()).await {
        Ok(depth) => {
            let gauge = &state.metrics.webhook_queue;
            gauge.with_label_values(&["due"]).set(depth.due);
            gauge.with_label_values(&["scheduled"]).set(depth.scheduled);
            gauge.with_label_values(&["in_flight"]).set(depth.in_flight);
        }
        Err(err) => tracing::warn!(error = %err, "could not read the webhook queue's depth"),
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// Counts every request by method, matched route and status, with its latency.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let response = next.run(request).await;
    let labels = [method.as_str(), route.as_str()];
    state
        .metrics
        .latency
        .with_label_values(&labels)
        .observe(started.elapsed().as_secs_f64());
    state
        .metrics
        .requests
        .with_label_values(&[&method, &route, response.status().as_str()])
        .inc();
    response
}
