//! Endpoint rows, and the delivery logs as the API reads them. Every query is scoped to the
//! caller's shop and mode. Deliveries are written only by the dispatcher, which owns them.

use crate::db::{Conn, Db};
use chrono::{DateTime, Utc};

use super::model::{
    DeliveryStatus, DisabledReason, EndpointStatus, WebhookAttempt, WebhookDelivery,
    WebhookEndpoint,
};
use crate::auth::Caller;
use crate::core::ids::{DeliveryId, EventId, WebhookEndpointId};
use crate::db;
use crate::events::EventType;
use crate::http::pagination::Page;

const ENDPOINT_COLUMNS: &str = "id, url, events, description, active, disabled_reason,
    consecutive_failures, livemode, created_at, updated_at";

#[derive(sqlx::FromRow, serde::Deserialize)]
struct EndpointRow {
    id: WebhookEndpointId,
    url: String,
    events: String,
    description: Option<String>,
    #[serde(deserialize_with = "db::json::flag")]
    active: bool,
    disabled_reason: Option<String>,
    consecutive_failures: i64,
    #[serde(deserialize_with = "db::json::flag")]
    livemode: bool,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<EndpointRow> for WebhookEndpoint {
    fn from(row: EndpointRow) -> Self {
        WebhookEndpoint {
            id: row.id,
            url: row.url,
            events: serde_json::from_str(&row.events).unwrap_or_default(),
            description: row.description,
            status: if row.active {
                EndpointStatus::Enabled
            } else {
                EndpointStatus::Disabled
            },
            active: row.active,
            disabled_reason: row
                .disabled_reason
                .as_deref()
                .and_then(DisabledReason::parse),
            consecutive_failures: row.consecutive_failures,
            livemode: row.livemode,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

/// How many endpoints the caller's shop has in its mode. In a PostgreSQL write transaction the
/// shop's row is locked first, so that two creations at once can't both pass the limit.
pub async fn count(conn: &mut Conn, caller: &Caller) -> sqlx::Result<i64> {
    if !conn.row_lock().is_empty() {
        db::query("SELECT 1 FROM shops WHERE id = $1 FOR NO KEY UPDATE")
            .bind(&caller.shop_id)
            .execute(&mut *conn)
            .await?;
    }
    db::query("SELECT COUNT(*) FROM webhook_endpoints WHERE shop_id = $1 AND livemode = $2")
        .bind(&caller.shop_id)
        .bind(caller.livemode())
        .fetch_scalar(conn)
        .await
}

pub async fn insert(
    conn: &mut Conn,
    caller: &Caller,
    endpoint: &WebhookEndpoint,
    secret: &str,
) -> sqlx::Result<()> {
    db::query(
        "INSERT INTO webhook_endpoints (id, shop_id, livemode, url, events, description, secret,
                                        created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&endpoint.id)
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .bind(&endpoint.url)
    .bind(encode_events(&endpoint.events))
    .bind(&endpoint.description)
    .bind(secret)
    .bind(endpoint.created_at)
    .bind(endpoint.updated_at)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn get(
    conn: &mut Conn,
    caller: &Caller,
    id: &WebhookEndpointId,
) -> sqlx::Result<Option<WebhookEndpoint>> {
    let lock = conn.row_lock();
    let row: Option<EndpointRow> = db::query(format!(
        "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1 AND shop_id = $2 AND livemode = $3{lock}"
    ))
    .bind(id)
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}

pub async fn list(
    pool: &Db,
    caller: &Caller,
    page: Page,
) -> sqlx::Result<(Vec<WebhookEndpoint>, i64)> {
    let (rows, total) = db::Listing::new("webhook_endpoints", "shop_id = $1 AND livemode = $2")
        .bind(&caller.shop_id)
        .bind(caller.livemode())
        .page::<EndpointRow>(pool, ENDPOINT_COLUMNS, "id DESC", page)
        .await?;
    Ok((rows.into_iter().map(Into::into).collect(), total))
}

/// Saves the editable fields. (Disabling also fails the endpoint's pending deliveries: the
/// handler asks the dispatcher, which owns them.)
pub async fn update(conn: &mut Conn, endpoint: &WebhookEndpoint) -> sqlx::Result<()> {
    db::query(
        "UPDATE webhook_endpoints SET url = $1, events = $2, description = $3, active = $4,
                disabled_reason = $5, consecutive_failures = $6, updated_at = $7
         WHERE id = $8",
    )
    .bind(&endpoint.url)
    .bind(encode_events(&endpoint.events))
    .bind(&endpoint.description)
    .bind(endpoint.active)
    .bind(endpoint.disabled_reason.map(DisabledReason::as_str))
    .bind(endpoint.consecutive_failures)
    .bind(endpoint.updated_at)
    .bind(&endpoint.id)
    .execute(conn)
    .await
    .map(drop)
}

/// Deletes the endpoint with its deliveries and their attempts.
pub async fn delete(conn: &mut Conn, id: &WebhookEndpointId) -> sqlx::Result<()> {
    db::query("DELETE FROM webhook_endpoints WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
}

pub async fn rotate_secret(
    conn: &mut Conn,
    id: &WebhookEndpointId,
    secret: &str,
    previous_expires_ms: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    db::query(
        "UPDATE webhook_endpoints
         SET previous_secret = secret, previous_secret_expires_ms = $1, secret = $2, updated_at = $3
         WHERE id = $4",
    )
    .bind(previous_expires_ms)
    .bind(secret)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await
    .map(drop)
}

fn encode_events(events: &[String]) -> String {
    serde_json::to_string(events).expect("strings serialize")
}

const DELIVERY_COLUMNS: &str = "d.id, d.endpoint_id, d.event_id, d.event_type, d.status,
    d.attempt_count, d.next_attempt_ms, d.last_status_code, d.last_attempt_at, d.created_at";

#[derive(sqlx::FromRow, serde::Deserialize)]
struct DeliveryRow {
    id: DeliveryId,
    endpoint_id: WebhookEndpointId,
    event_id: EventId,
    event_type: String,
    status: DeliveryStatus,
    attempt_count: i64,
    next_attempt_ms: Option<i64>,
    last_status_code: Option<i64>,
    last_attempt_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

impl From<DeliveryRow> for WebhookDelivery {
    fn from(row: DeliveryRow) -> Self {
        WebhookDelivery {
            id: row.id,
            endpoint_id: row.endpoint_id,
            event_id: row.event_id,
            event_type: EventType::parse(&row.event_type).unwrap_or(EventType::Ping),
            next_attempt_at: match row.status {
                DeliveryStatus::Pending => row
                    .next_attempt_ms
                    .and_then(DateTime::<Utc>::from_timestamp_millis),
                _ => None,
            },
            status: row.status,
            attempt_count: row.attempt_count,
            last_status_code: row.last_status_code.and_then(|s| u16::try_from(s).ok()),
            last_attempt_at: row.last_attempt_at,
            created_at: row.created_at,
        }
    }
}

pub struct DeliveryFilter<'a> {
    pub endpoint_id: &'a WebhookEndpointId,
    pub status: Option<DeliveryStatus>,
    pub event_type: Option<EventType>,
}

pub async fn list_deliveries(
    pool: &Db,
    filter: DeliveryFilter<'_>,
    page: Page,
) -> sqlx::Result<(Vec<WebhookDelivery>, i64)> {
    let condition = "d.endpoint_id = $1 AND ($2 IS NULL OR d.status = $2)
        AND ($3 IS NULL OR d.event_type = $3)";
    let (rows, total) = db::Listing::new("webhook_deliveries d", condition)
        .bind(filter.endpoint_id)
        .bind(filter.status)
        .bind(filter.event_type.map(EventType::as_str))
        .page::<DeliveryRow>(pool, DELIVERY_COLUMNS, "d.id DESC", page)
        .await?;
    Ok((rows.into_iter().map(Into::into).collect(), total))
}

/// The delivery and its request body, if it belongs to an endpoint of the caller's shop and mode.
pub async fn get_delivery(
    conn: &mut Conn,
    caller: &Caller,
    id: &DeliveryId,
) -> sqlx::Result<Option<(WebhookDelivery, String)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        delivery: DeliveryRow,
        payload: String,
    }
    let row: Option<Row> = db::query(format!(
        "SELECT {DELIVERY_COLUMNS}, e.payload FROM webhook_deliveries d
         JOIN webhook_endpoints w ON w.id = d.endpoint_id
         JOIN events e ON e.id = d.event_id
         WHERE d.id = $1 AND w.shop_id = $2 AND w.livemode = $3"
    ))
    .bind(id)
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.delivery.into(), r.payload)))
}

pub async fn attempts(conn: &mut Conn, id: &DeliveryId) -> sqlx::Result<Vec<WebhookAttempt>> {
    db::query(
        "SELECT attempted_at, status_code, response_body, duration_ms, error
         FROM webhook_attempts WHERE delivery_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}
