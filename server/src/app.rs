//! The assembled application: the routes with their spec, and the layers every request passes
//! through.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::auth;
use crate::http::error::ApiError;
use crate::http::extract::MAX_BODY_BYTES;
use crate::http::request_id;
use crate::http::{idempotency, rate_limit};
use crate::state::AppState;
use crate::{ops, spec};

pub fn router(state: AppState) -> Router {
    let (routes, spec) = spec::assemble();
    let required = auth::required::RequiredScopes::from_spec(&spec);
    let spec_json = serde_json::to_string(&spec).expect("the spec serializes");
    routes
        // After routing, so the operation is known; inside the layers below, so the caller is.
        .route_layer(from_fn_with_state(required, auth::required::middleware))
        .route(
            "/openapi.json",
            axum::routing::get(move || async move {
                ([("content-type", "application/json")], spec_json)
            }),
        )
        .merge(ops::router())
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Innermost first: authenticate once, then count the request, then replay or record it.
        .layer(from_fn_with_state(state.clone(), idempotency::middleware))
        .layer(from_fn_with_state(state.clone(), rate_limit::middleware))
        .layer(from_fn_with_state(state.clone(), auth::middleware))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::internal().into_response()
        }))
        .layer(TraceLayer::new_for_http())
        .layer(from_fn_with_state(state.clone(), ops::track))
        .layer(axum::middleware::from_fn(request_id::middleware))
        .with_state(state)
}

async fn route_not_found(uri: Uri) -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "route_not_found",
        format!("No endpoint at {}", uri.path()),
    )
    .into_response()
}

async fn method_not_allowed(method: axum::http::Method, uri: Uri) -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not supported on {}", uri.path()),
    )
    .into_response()
}
