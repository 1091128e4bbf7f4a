//! The OpenAPI document, assembled above the resources: the document-level parts (`document`),
//! every handler's annotations (through `api::router`), the behaviours middleware gives every
//! operation (`policies`) and the `webhooks` section (`webhooks`). Nothing below `spec` imports
//! it; it reads the resources' schemas and examples.

pub mod document;
pub mod policies;
pub mod webhooks;

use axum::Router;
use utoipa::OpenApi as _;
use utoipa::openapi::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::api;
use crate::state::AppState;

/// Every resource's routes, and the whole spec they make.
pub fn assemble() -> (Router<AppState>, OpenApi) {
    let (routes, mut spec) = OpenApiRouter::with_openapi(document::ApiDoc::openapi())
        .merge(api::router())
        .split_for_parts();
    policies::document(&mut spec);
    (routes, spec)
}

/// The OpenAPI document the server serves and `vinsnap-server openapi` prints.
pub fn openapi() -> OpenApi {
    assemble().1
}

/// The spec as committed in `openapi/openapi.json`: pretty JSON with a trailing newline.
pub fn openapi_json() -> String {
    let mut json = openapi().to_pretty_json().expect("the spec serializes");
    json.push('\n');
    json
}
