//! The delivery logs (Settings → Webhooks → Activity, as an API): every delivery of an endpoint,
//! each with its attempts, and a manual retry.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::model::{ListDeliveries, WebhookDelivery, WebhookDeliveryDetail, WebhookDeliveryList};
use super::{authorize, examples, find, store};
use crate::auth::Caller;
use crate::core::ids::{DeliveryId, WebhookEndpointId};
use crate::core::time;
use crate::dispatcher::queue;
use crate::events;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{ApiPath, ApiQuery};
use crate::http::pagination::Page;
use crate::http::responses::{
    Forbidden, Unauthorized, WebhookBadRequest, WebhookDeliveryConflict, WebhookDeliveryNotFound,
    WebhookEndpointNotFound,
};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_webhook_deliveries))
        .routes(routes!(get_webhook_delivery))
        .routes(routes!(retry_webhook_delivery))
}

/// List an endpoint's deliveries
///
/// Newest first, kept for 30 days; filter by `status` and `event_type`. Requires the
/// `webhooks:manage` scope.
#[utoipa::path(
    get, path = "/webhooks/{id}/deliveries", tag = "webhooks", operation_id = "list_webhook_deliveries",
    params(("id" = WebhookEndpointId, Path, description = "The endpoint's id."), ListDeliveries),
    responses(
        (status = 200, description = "A page of deliveries.", body = WebhookDeliveryList, example = json!(examples::delivery_list())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = WebhookEndpointNotFound),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn list_webhook_deliveries(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
    ApiQuery(query): ApiQuery<ListDeliveries>,
) -> ApiResult<Json<WebhookDeliveryList>> {
    authorize(&caller)?;
    let page = Page::new(query.limit, query.offset);
    find(&mut state.db.acquire().await?, &caller, &id).await?;
    let filter = store::DeliveryFilter {
        endpoint_id: &id,
        status: query.status,
        event_type: query.event_type,
    };
    let (data, total) = store::list_deliveries(&state.db, filter, page).await?;
    Ok(Json(WebhookDeliveryList::new(data, page, total)))
}

/// Retrieve a delivery
///
/// The delivery with the exact request body it sends and every attempt: when, the receiver's
/// status, the first 1 KiB of its answer, how long it took, and any error. Requires the
/// `webhooks:manage` scope.
#[utoipa::path(
    get, path = "/webhook-deliveries/{id}", tag = "webhooks", operation_id = "get_webhook_delivery",
    params(("id" = DeliveryId, Path, description = "The delivery's id (the `X-VinSnap-Delivery` header).")),
    responses(
        (status = 200, description = "The delivery and its attempts.", body = WebhookDeliveryDetail, example = json!(examples::delivery_detail())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = WebhookDeliveryNotFound),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn get_webhook_delivery(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<DeliveryId>,
) -> ApiResult<Json<WebhookDeliveryDetail>> {
    authorize(&caller)?;
    let mut conn = state.db.acquire().await?;
    let (delivery, request_body) = store::get_delivery(&mut conn, &caller, &id)
        .await?
        .ok_or_else(|| ApiError::not_found("webhook_delivery", &id))?;
    let attempts = store::attempts(&mut conn, &id).await?;
    Ok(Json(WebhookDeliveryDetail {
        delivery,
        request_body,
        attempts,
    }))
}

/// Retry a delivery
///
/// Makes the delivery due now, whatever its state: the dispatcher sends it within a second,
/// with the same delivery id and body, and logs the attempt. If that attempt fails, the retry
/// schedule continues from where the delivery was. Requires the `webhooks:manage` scope.
#[utoipa::path(
    post, path = "/webhook-deliveries/{id}/retry", tag = "webhooks", operation_id = "retry_webhook_delivery",
    params(("id" = DeliveryId, Path, description = "The delivery's id.")),
    responses(
        (status = 202, description = "The delivery, due now.", body = WebhookDelivery, example = json!(examples::retried())),
        (status = 400, response = WebhookBadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = WebhookDeliveryNotFound),
        (status = 409, response = WebhookDeliveryConflict),
    ),
    security(("bearer" = ["webhooks:manage"])),
)]
async fn retry_webhook_delivery(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<DeliveryId>,
) -> ApiResult<(StatusCode, Json<WebhookDelivery>)> {
    authorize(&caller)?;
    let mut tx = state.db.begin().await?;
    let (delivery, _) = store::get_delivery(&mut tx, &caller, &id)
        .await?
        .ok_or_else(|| ApiError::not_found("webhook_delivery", &id))?;
    let endpoint = find(&mut tx, &caller, &delivery.endpoint_id).await?;
    if !endpoint.active {
        return Err(ApiError::conflict(
            "webhook_endpoint_disabled",
            format!(
                "Endpoint {} is disabled; re-enable it (PUT active: true) before retrying",
                endpoint.id
            ),
        ));
    }
    if delivery.event_type == events::EventType::Ping {
        return Err(ApiError::conflict(
            "ping_not_retryable",
            "Test pings are not retried; send another with POST /webhooks/{id}/test",
        ));
    }
    // Due now by the dispatcher's schedule, which runs on real time.
    if !queue::schedule_now(&mut tx, &id, time::now().timestamp_millis()).await? {
        return Err(ApiError::conflict(
            "delivery_in_flight",
            format!(
                "Delivery {id} is being attempted right now; retry once that attempt is logged"
            ),
        ));
    }
    let (delivery, _) = store::get_delivery(&mut tx, &caller, &id)
        .await?
        .ok_or_else(|| ApiError::not_found("webhook_delivery", &id))?;
    tx.commit().await?;
    events::wake_dispatchers();
    Ok((StatusCode::ACCEPTED, Json(delivery)))
}
