//! The OpenAPI document, assembled above the resources: the document-level parts (`document`),
//! every handler's annotations (through `api::router`), the behaviours middleware gives every
//! operation (`policies`) and the `webhooks` section (`webhooks`); then, on the finished JSON,
//! inline fields' annotations folded into their schemas (`inline_fields`) and the `links` derived
//! from the ids (`links`), and every error code the API answers with (`x-error-codes`, from
//! `http::error_codes`). Nothing below `spec` imports it; it reads the resources' schemas and
//! examples.

pub mod document;
pub mod inline_fields;
pub mod links;
pub mod policies;
pub mod webhooks;

use axum::Router;
use serde_json::Value;
use utoipa::OpenApi as _;
use utoipa_axum::router::OpenApiRouter;

use crate::api;
use crate::state::AppState;

/// Every resource's routes, and the whole spec they make.
pub fn assemble() -> (Router<AppState>, Value) {
    let (routes, mut spec) = OpenApiRouter::with_openapi(document::ApiDoc::openapi())
        .merge(api::router())
        .split_for_parts();
    policies::document(&mut spec);
    let mut doc = serde_json::to_value(&spec).expect("the spec serializes");
    inline_fields::fold(&mut doc);
    links::derive(&mut doc);
    doc["x-error-codes"] = crate::http::error_codes::spec_extension();
    (routes, doc)
}

/// The OpenAPI document the server serves and `vinsnap-server openapi` prints.
pub fn openapi() -> Value {
    assemble().1
}

/// The spec as committed in `openapi/openapi.json`: pretty JSON with a trailing newline.
pub fn openapi_json() -> String {
    let mut json = serde_json::to_string_pretty(&openapi()).expect("the spec serializes");
    json.push('\n');
    json
}
