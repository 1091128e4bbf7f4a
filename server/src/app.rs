//! The assembled application: routes, the spec, and the layers every request passes through.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa::openapi::OpenApi as Spec;
use utoipa_axum::router::OpenApiRouter;

use crate::api;
use crate::auth;
use crate::http::error::ApiError;
use crate::http::extract::MAX_BODY_BYTES;
use crate::http::openapi::ApiDoc;
use crate::http::request_id;
use crate::http::{idempotency, rate_limit, spec_policies};
use crate::state::AppState;

// Move into `spec/` with the spec's assembly.
#[path = "spec/inline_fields.rs"]
mod inline_fields;
#[path = "spec/links.rs"]
mod links;

fn parts() -> (Router<AppState>, Spec) {
    let (routes, mut spec) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(api::router())
        .split_for_parts();
    spec_policies::document(&mut spec);
    (routes, spec)
}

/// The OpenAPI document the server serves and `vinsnap-server openapi` prints.
pub fn openapi() -> Spec {
    parts().1
}

/// The spec as served and committed: the assembled document after the passes that work on its
/// JSON.
fn document() -> serde_json::Value {
    let mut doc = serde_json::to_value(openapi()).expect("the spec serializes");
    inline_fields::fold(&mut doc);
    links::derive(&mut doc);
    doc
}

/// The spec as committed in `openapi/openapi.json`: pretty JSON with a trailing newline.
pub fn openapi_json() -> String {
    let mut json = serde_json::to_string_pretty(&document()).expect("the spec serializes");
    json.push('\n');
    json
}

pub fn router(state: AppState) -> Router {
    let (routes, _) = parts();
    let spec = document();
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
