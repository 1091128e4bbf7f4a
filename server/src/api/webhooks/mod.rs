//! `/webhooks`: register the URLs that receive the shop's events, test them, rotate their
//! signing secrets, and read their delivery logs (`deliveries`).

pub mod deliveries;
pub mod examples;
pub mod model;
pub mod store;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use rand::Rng;
use rand::distr::Alphanumeric;
use std::collections::BTreeSet;
use utoipa_axum::{router::OpenApiRouter, routes};

use self::model::{
    CreateWebhookEndpoint, DisabledReason, ListEndpoints, MAX_ENDPOINTS, UpdateWebhookEndpoint,
    WebhookEndpoint, WebhookEndpointList, WebhookEndpointWithSecret, WebhookTestResult, WebhookUrl,
};
use super::Deleted;
use crate::auth::Caller;
use crate::core::http_client::Outcome;
use crate::core::ids::WebhookEndpointId;
use crate::core::text::SingleLine;
use crate::dispatcher::{attempt, queue};
use crate::events::{self, EventType};
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::http::pagination::Page;
use crate::http::responses::{
    Forbidden, PayloadTooLarge, Unauthorized, UnsupportedMediaType, WebhookBadRequest,
    WebhookEndpointLimit, WebhookEndpointNotFound, WebhookUrlRefused,
};
use crate::state::AppState;

/// How long a rotated-out secret keeps signing deliveries next to the new one.
const ROTATION_OVERLAP_MS: i64 = 24 * 3600 * 1000;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_webhook_endpoint, list_webhook_endpoints))
        .routes(routes!(
            get_webhook_endpoint,
            update_webhook_endpoint,
            delete_webhook_endpoint
        ))
        .routes(routes!(test_webhook_endpoint))
        .routes(routes!(rotate_webhook_secret))
        .merge(deliveries::router())
}

/// A new endpoint signing secret, `whsec_` plus 32 random alphanumerics (190 bits).
fn new_secret() -> String {
    let random: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(32)
        .map(char::from)
        .collect();
    format!("{}{random}", vinsnap_signing::SECRET_PREFIX)
}

/// Webhooks are shop-wide (they carry every location's changes), so only keys that are not
/// limited to a location may manage them or read their logs.
pub(crate) fn authorize(caller: &Caller) -> ApiResult<()> {
    match &caller.location_id {
        None => Ok(()),
        Some(location) => Err(ApiError::forbidden(
            "location_forbidden",
            format!(
                "Webhooks are shop-wide; this API key is limited to location {location}, use a key that is not"
            ),
        )),
    }
}

/// Create a webhook endpoint
///
/// Registers a public HTTPS URL to receive the events named in `events` (or `["*"]` for all),
/// as signed POSTs. At most 10 endpoints per shop and mode. The signing `secret` is in this
/// response only. Requires the `webhooks:manage` scope.
#[utoipa::path(
    post, path = "/webhooks", tag = "webhooks", operation_id = "create_webhook_endpoint",
    request_body(content = CreateWebhookEndpoint, example = json!(examples::create())),
    responses(
        (status = 201, description = "The new endpoint, with its signing secret (shown once).", body = WebhookEndpointWithSecret, example = json!(examples::created())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 409, response = WebhookEndpointLimit),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = WebhookUrlRefused),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn create_webhook_endpoint(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateWebhookEndpoint>,
) -> ApiResult<(StatusCode, Json<WebhookEndpointWithSecret>)> {
    authorize(&caller)?;
    let url = check_url(&state, &body.url).await?;
    let events = check_events(&body.events)?;
    let description = body.description.and_then(SingleLine::into_option);
    let now = state.now();
    let endpoint = WebhookEndpoint {
        id: WebhookEndpointId::generate(),
        url,
        events,
        description,
        active: true,
        status: model::EndpointStatus::Enabled,
        disabled_reason: None,
        consecutive_failures: 0,
        livemode: caller.livemode(),
        created_at: now,
        updated_at: now,
    };
    let secret = new_secret();
    let mut tx = state.db.begin().await?;
    if store::count(&mut tx, &caller).await? >= MAX_ENDPOINTS {
        return Err(ApiError::conflict(
            "webhook_endpoint_limit",
            format!(
                "A shop can register at most {MAX_ENDPOINTS} webhook endpoints per mode; delete one first"
            ),
        ));
    }
    store::insert(&mut tx, &caller, &endpoint, &secret).await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(WebhookEndpointWithSecret { endpoint, secret }),
    ))
}

/// A URL of the wrong shape is a 400; one whose host is not public (as written or after DNS),
/// which no pattern can tell, is a 422.
async fn check_url(state: &AppState, url: &WebhookUrl) -> ApiResult<String> {
    let client = &state.webhooks.client;
    let invalid = |status, why| ApiError::new(status, "invalid_webhook_url", why).with_param("url");
    client
        .policy()
        .check_shape(&url.0)
        .map_err(|why| invalid(StatusCode::BAD_REQUEST, why))?;
    client
        .check_url(&url.0)
        .await
        .map(String::from)
        .map_err(|why| invalid(StatusCode::UNPROCESSABLE_ENTITY, why))
}

/// Event names, deduplicated: every name must be a subscribable event, or the list is `["*"]`.
/// The list is at most as long as there are names (the schema's `maxItems`).
fn check_events(events: &[String]) -> ApiResult<Vec<String>> {
    if events.is_empty() {
        return Err(ApiError::invalid(
            "events",
            "`events` must name at least one event type, or be [\"*\"] for all",
        ));
    }
    if events.len() > EventType::SUBSCRIBABLE.len() + 1 {
        return Err(ApiError::invalid(
            "events",
            format!(
                "`events` has {} items; there are {} event names and `*`",
                events.len(),
                EventType::SUBSCRIBABLE.len()
            ),
        ));
    }
    if events.iter().any(|e| e == "*") {
        return match events.len() {
            1 => Ok(events.to_vec()),
            _ => Err(ApiError::invalid(
                "events",
                "`*` subscribes to every event and cannot be combined with other names",
            )),
        };
    }
    let mut names = BTreeSet::new();
    for (i, name) in events.iter().enumerate() {
        match EventType::parse(name) {
            Some(EventType::Ping) => {
                return Err(ApiError::invalid(
                    format!("events[{i}]"),
                    "`ping` cannot be subscribed to: it is sent only by POST /webhooks/{id}/test",
                ));
            }
            Some(kind) => {
                names.insert(kind.as_str());
            }
            None => {
                let known: Vec<&str> = EventType::SUBSCRIBABLE.iter().map(|e| e.as_str()).collect();
                return Err(ApiError::invalid(
                    format!("events[{i}]"),
                    format!(
                        "Unknown event type `{name}`; expected one of {}, or [\"*\"]",
                        known.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(names.into_iter().map(str::to_owned).collect())
}

/// List webhook endpoints
///
/// The shop's endpoints of the calling key's mode, newest first. Requires the `webhooks:manage`
/// scope.
#[utoipa::path(
    get, path = "/webhooks", tag = "webhooks", operation_id = "list_webhook_endpoints",
    params(ListEndpoints),
    responses(
        (status = 200, description = "A page of endpoints.", body = WebhookEndpointList, example = json!(examples::list())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn list_webhook_endpoints(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ListEndpoints>,
) -> ApiResult<Json<WebhookEndpointList>> {
    authorize(&caller)?;
    let page = Page::new(query.limit, query.offset);
    let (data, total) = store::list(&state.db, &caller, page).await?;
    Ok(Json(WebhookEndpointList::new(data, page, total)))
}

/// The endpoint, or the 404 a caller of another shop or mode gets.
pub(crate) async fn find(
    conn: &mut crate::db::Conn,
    caller: &Caller,
    id: &WebhookEndpointId,
) -> ApiResult<WebhookEndpoint> {
    store::get(conn, caller, id)
        .await?
        .ok_or_else(|| ApiError::not_found("webhook_endpoint", id))
}

/// Retrieve a webhook endpoint
///
/// The endpoint's settings and state; never its secret. Requires the `webhooks:manage` scope.
#[utoipa::path(
    get, path = "/webhooks/{id}", tag = "webhooks", operation_id = "get_webhook_endpoint",
    params(("id" = WebhookEndpointId, Path, description = "The endpoint's id.")),
    responses(
        (status = 200, description = "The endpoint.", body = WebhookEndpoint, example = json!(examples::endpoint())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = WebhookEndpointNotFound),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn get_webhook_endpoint(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
) -> ApiResult<Json<WebhookEndpoint>> {
    authorize(&caller)?;
    let mut conn = state.db.acquire().await?;
    find(&mut conn, &caller, &id).await.map(Json)
}

/// Update a webhook endpoint
///
/// A partial update: only the fields sent change. `active: false` stops deliveries (pending
/// ones fail); `active: true` re-enables an endpoint and resets `consecutive_failures`.
/// Requires the `webhooks:manage` scope.
#[utoipa::path(
    put, path = "/webhooks/{id}", tag = "webhooks", operation_id = "update_webhook_endpoint",
    params(("id" = WebhookEndpointId, Path, description = "The endpoint's id.")),
    request_body(content = UpdateWebhookEndpoint, example = json!(examples::update())),
    responses(
        (status = 200, description = "The updated endpoint.", body = WebhookEndpoint, example = json!(examples::updated())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = WebhookEndpointNotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = WebhookUrlRefused),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn update_webhook_endpoint(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
    ApiJson(patch): ApiJson<UpdateWebhookEndpoint>,
) -> ApiResult<Json<WebhookEndpoint>> {
    authorize(&caller)?;
    // Resolving the URL happens before the write lock is taken.
    let url = match &patch.url {
        Some(url) => Some(check_url(&state, url).await?),
        None => None,
    };
    let mut tx = state.db.begin().await?;
    let mut endpoint = find(&mut tx, &caller, &id).await?;
    if let Some(url) = url {
        endpoint.url = url;
    }
    if let Some(events) = &patch.events {
        endpoint.events = check_events(events)?;
    }
    if let Some(description) = patch.description {
        endpoint.description = description.and_then(SingleLine::into_option);
    }
    match patch.active {
        Some(true) if !endpoint.active => {
            endpoint.consecutive_failures = 0;
            endpoint.disabled_reason = None;
        }
        Some(false) if endpoint.active => endpoint.disabled_reason = Some(DisabledReason::Manual),
        _ => {}
    }
    if let Some(active) = patch.active {
        endpoint.active = active;
        endpoint.status = if active {
            model::EndpointStatus::Enabled
        } else {
            model::EndpointStatus::Disabled
        };
    }
    endpoint.updated_at = state.now();
    store::update(&mut tx, &endpoint).await?;
    if !endpoint.active {
        queue::fail_pending(&mut tx, &id).await?;
    }
    tx.commit().await?;
    Ok(Json(endpoint))
}

/// Delete a webhook endpoint
///
/// Deletes the endpoint and its delivery logs. Nothing more is sent to it, including deliveries
/// that were waiting for a retry. Requires the `webhooks:manage` scope.
#[utoipa::path(
    delete, path = "/webhooks/{id}", tag = "webhooks", operation_id = "delete_webhook_endpoint",
    params(("id" = WebhookEndpointId, Path, description = "The endpoint's id.")),
    responses(
        (status = 200, description = "The endpoint was deleted.", body = Deleted, example = json!(examples::deleted())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = WebhookEndpointNotFound),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn delete_webhook_endpoint(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
) -> ApiResult<Json<Deleted>> {
    authorize(&caller)?;
    let mut tx = state.db.begin().await?;
    find(&mut tx, &caller, &id).await?;
    store::delete(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(Json(Deleted::new(id)))
}

/// Send a test event
///
/// Sends a signed `ping` event to the endpoint now and reports how it answered, as
/// `{success, status_code, response_time_ms, message}`. Works on disabled endpoints too, to
/// check a receiver before re-enabling it. The ping appears in the delivery log; it is not
/// retried and does not count toward `consecutive_failures`. Requires the `webhooks:manage`
/// scope.
#[utoipa::path(
    post, path = "/webhooks/{id}/test", tag = "webhooks", operation_id = "test_webhook_endpoint",
    params(("id" = WebhookEndpointId, Path, description = "The endpoint's id.")),
    responses(
        (status = 200, description = "How the endpoint answered the ping (`success: false` when it did not answer 2xx).", body = WebhookTestResult, examples(
            ("delivered" = (summary = "The receiver answered 2xx", value = json!(examples::test_succeeded()))),
            ("failed" = (summary = "The receiver answered 500", value = json!(examples::test_failed()))),
        )),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = WebhookEndpointNotFound),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn test_webhook_endpoint(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
) -> ApiResult<Json<WebhookTestResult>> {
    authorize(&caller)?;
    let mut tx = state.db.begin().await?;
    find(&mut tx, &caller, &id).await?;
    let data = serde_json::json!({
        "endpoint_id": id,
        "message": "Test webhook from VinSnap",
    });
    let event = events::insert(
        &mut tx,
        &caller.shop_id,
        caller.livemode(),
        EventType::Ping,
        &data,
        state.now(),
    )
    .await?;
    let ping = queue::insert_ping(&mut tx, &id, &event).await?;
    tx.commit().await?;
    let started = std::time::Instant::now();
    let outcome = attempt::send(&state.webhooks.client, &ping, &state.stopping)
        .await
        .unwrap_or_else(|| Outcome::cancelled(started.elapsed()));
    queue::record_ping(&state.db, &ping, &outcome).await?;
    let message = match (outcome.succeeded(), outcome.status_code, &outcome.error) {
        (true, _, _) => "Test webhook delivered successfully".to_owned(),
        (false, Some(status), None) => {
            format!("Webhook endpoint returned non-2xx status code {status}")
        }
        (false, Some(status), Some(error)) => {
            format!("Webhook endpoint returned status code {status}: {error}")
        }
        (false, None, error) => format!(
            "Could not deliver the test webhook: {}",
            error.as_deref().unwrap_or("no answer")
        ),
    };
    Ok(Json(WebhookTestResult {
        success: outcome.succeeded(),
        status_code: outcome.status_code,
        response_time_ms: outcome.duration.as_millis() as u64,
        message,
        delivery_id: ping.delivery_id,
    }))
}

/// Rotate the signing secret
///
/// Issues a new signing secret, returned in this response only. For the next 24 hours every
/// delivery carries two signatures in `X-VinSnap-Signature` (new secret first, then the old
/// one), so receivers can switch over without dropping events. Requires the `webhooks:manage`
/// scope.
#[utoipa::path(
    post, path = "/webhooks/{id}/rotate-secret", tag = "webhooks", operation_id = "rotate_webhook_secret",
    params(("id" = WebhookEndpointId, Path, description = "The endpoint's id.")),
    responses(
        (status = 200, description = "The endpoint with its new secret (shown once).", body = WebhookEndpointWithSecret, example = json!(examples::rotated())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = WebhookEndpointNotFound),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn rotate_webhook_secret(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
) -> ApiResult<Json<WebhookEndpointWithSecret>> {
    authorize(&caller)?;
    let mut tx = state.db.begin().await?;
    let mut endpoint = find(&mut tx, &caller, &id).await?;
    let secret = new_secret();
    let now = state.now();
    store::rotate_secret(
        &mut tx,
        &id,
        &secret,
        now.timestamp_millis() + ROTATION_OVERLAP_MS,
        now,
    )
    .await?;
    tx.commit().await?;
    endpoint.updated_at = now;
    Ok(Json(WebhookEndpointWithSecret { endpoint, secret }))
}
