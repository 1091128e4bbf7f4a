//! `/api-keys`: mint (secret shown once), list and revoke the shop's API keys.

pub mod model;
pub mod store;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{ApiKeyList, CreateApiKey, CreatedApiKey, ListApiKeys};
use super::{Deleted, locations};
use crate::auth::{Caller, Scope};
use crate::core::ids::ApiKeyId;
use crate::core::text::SingleLine;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::http::pagination::Page;
use crate::http::responses::{
    ApiKeyNotFound, BadRequest, Forbidden, LocationNotFound, PayloadTooLarge, Unauthorized,
    UnsupportedMediaType,
};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_api_key, list_api_keys))
        .routes(routes!(delete_api_key))
}

/// Create an API key
///
/// Mints a key in the calling key's mode. Its scopes default to, and may only narrow, the
/// calling key's; a location-limited caller can only mint keys for its own location. The
/// `secret` is in this response only: it is stored hashed and never shown again. Requires the
/// `keys:manage` scope.
#[utoipa::path(
    post, path = "/api-keys", tag = "api_keys", operation_id = "create_api_key",
    request_body(content = CreateApiKey, example = json!(model::example_create())),
    responses(
        (status = 201, description = "The new key, with its secret.", body = CreatedApiKey, example = json!(model::example_created())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = LocationNotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
    ),
    security(("bearer" = ["keys:manage"])),
)]
async fn create_api_key(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateApiKey>,
) -> ApiResult<(StatusCode, Json<CreatedApiKey>)> {
    let name = body
        .name
        .and_then(SingleLine::into_option)
        .unwrap_or_default();
    let mut scopes = body.scopes.unwrap_or_else(|| caller.scopes.clone());
    let given = scopes.len();
    scopes.sort();
    scopes.dedup();
    if scopes.is_empty() {
        return Err(ApiError::invalid(
            "scopes",
            "`scopes` must name at least one scope",
        ));
    }
    if given > Scope::ALL.len() {
        return Err(ApiError::invalid(
            "scopes",
            format!(
                "`scopes` has {given} items; there are {} scopes",
                Scope::ALL.len()
            ),
        ));
    }
    if let Some(extra) = scopes.iter().find(|s| !caller.scopes.contains(s)) {
        return Err(ApiError::forbidden(
            "scope_escalation",
            format!("A key cannot grant the `{extra}` scope, which it does not have itself"),
        ));
    }
    let mut tx = state.db.begin().await?;
    let location_id = match (&caller.location_id, &body.location_id) {
        (None, None) => None,
        _ => Some(locations::resolve_for_write(&mut tx, &caller, body.location_id.as_ref()).await?),
    };
    let new = store::NewKey {
        shop_id: &caller.shop_id,
        mode: caller.mode,
        name,
        scopes,
        location_id,
    };
    let created = store::mint(&mut tx, new, state.now()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// List API keys
///
/// The shop's unrevoked keys of the calling key's mode (and location, for a location-limited
/// key), newest first. Secrets are never listed. Requires the `keys:manage` scope.
#[utoipa::path(
    get, path = "/api-keys", tag = "api_keys", operation_id = "list_api_keys",
    params(ListApiKeys),
    responses(
        (status = 200, description = "A page of API keys.", body = ApiKeyList, example = json!(model::example_list())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = ["keys:manage"])),
)]
async fn list_api_keys(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ListApiKeys>,
) -> ApiResult<Json<ApiKeyList>> {
    let page = Page::new(query.limit, query.offset);
    let (data, total) = store::list(
        &state.db,
        &caller.shop_id,
        caller.mode,
        caller.location_id.as_ref(),
        page,
    )
    .await?;
    Ok(Json(ApiKeyList::new(data, page, total)))
}

/// Revoke an API key
///
/// The key stops working at once. A key may revoke itself. Requires the `keys:manage` scope.
#[utoipa::path(
    delete, path = "/api-keys/{id}", tag = "api_keys", operation_id = "delete_api_key",
    params(("id" = ApiKeyId, Path, description = "The key's id.")),
    responses(
        (status = 200, description = "The key was revoked.", body = Deleted, example = json!(model::example_deleted())),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = ApiKeyNotFound),
    ),
    security(("bearer" = ["keys:manage"])),
)]
async fn delete_api_key(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ApiKeyId>,
) -> ApiResult<Json<Deleted>> {
    let mut tx = state.db.begin().await?;
    if !store::revoke(
        &mut tx,
        state.now(),
        &caller.shop_id,
        caller.mode,
        caller.location_id.as_ref(),
        &id,
    )
    .await?
    {
        return Err(ApiError::not_found("api_key", &id));
    }
    tx.commit().await?;
    Ok(Json(Deleted::new(id)))
}
