//! Events: the outbox every change writes to, in the same transaction as the change, and the
//! fan-out to the webhook endpoints subscribed at that moment.
//!
//! A handler reports a change with one line inside its write transaction:
//! `events::record(&mut tx, &caller, EventType::CustomerCreated, &customer, now).await?;`, where
//! `now` is the time the change is stamped with (`AppState::now`).

use crate::db::{self, Conn};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::core::ids::{DeliveryId, EventId, ShopId, WebhookEndpointId};
use crate::core::time;
use crate::http::error::ApiResult;

/// What happened. `ping` is sent only by `POST /webhooks/{id}/test` and cannot be subscribed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum EventType {
    #[serde(rename = "customer.created")]
    CustomerCreated,
    #[serde(rename = "customer.updated")]
    CustomerUpdated,
    #[serde(rename = "job.created")]
    JobCreated,
    #[serde(rename = "job.status_changed")]
    JobStatusChanged,
    #[serde(rename = "job.completed")]
    JobCompleted,
    #[serde(rename = "invoice.created")]
    InvoiceCreated,
    #[serde(rename = "invoice.sent")]
    InvoiceSent,
    #[serde(rename = "invoice.paid")]
    InvoicePaid,
    #[serde(rename = "ping")]
    Ping,
}

impl EventType {
    /// The events an endpoint can subscribe to (all but `ping`).
    pub const SUBSCRIBABLE: &'static [EventType] = &[
        EventType::CustomerCreated,
        EventType::CustomerUpdated,
        EventType::JobCreated,
        EventType::JobStatusChanged,
        EventType::JobCompleted,
        EventType::InvoiceCreated,
        EventType::InvoiceSent,
        EventType::InvoicePaid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::CustomerCreated => "customer.created",
            EventType::CustomerUpdated => "customer.updated",
            EventType::JobCreated => "job.created",
            EventType::JobStatusChanged => "job.status_changed",
            EventType::JobCompleted => "job.completed",
            EventType::InvoiceCreated => "invoice.created",
            EventType::InvoiceSent => "invoice.sent",
            EventType::InvoicePaid => "invoice.paid",
            EventType::Ping => "ping",
        }
    }

    pub fn parse(raw: &str) -> Option<EventType> {
        Self::SUBSCRIBABLE
            .iter()
            .chain([&EventType::Ping])
            .copied()
            .find(|e| e.as_str() == raw)
    }

    /// When the event fires, as the seed's table says.
    pub fn fires_when(self) -> &'static str {
        match self {
            EventType::CustomerCreated => "New customer added",
            EventType::CustomerUpdated => "Customer record changed",
            EventType::JobCreated => "New job opened",
            EventType::JobStatusChanged => "Kanban move (e.g. pending → in-progress)",
            EventType::JobCompleted => "Job marked done",
            EventType::InvoiceCreated => "New invoice generated",
            EventType::InvoiceSent => "Invoice emailed to customer",
            EventType::InvoicePaid => "Invoice marked paid",
            EventType::Ping => "POST /webhooks/{id}/test was called",
        }
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The body of every webhook request, serialized once at record time so that every attempt of
/// every delivery sends (and signs) the same bytes.
#[derive(Debug, Serialize)]
pub struct EventBody<'a, T: Serialize> {
    pub id: &'a EventId,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub created_at: DateTime<Utc>,
    pub livemode: bool,
    pub data: &'a T,
}

/// Process-wide, because `record` sees only the transaction; every dispatcher in the process
/// wakes and looks (an extra look costs one indexed query).
static WAKE: Notify = Notify::const_new();

/// Wakes the dispatchers: something may be due now.
pub fn wake_dispatchers() {
    WAKE.notify_waiters();
}

pub fn wake_signal() -> &'static Notify {
    &WAKE
}

/// Writes the event and one delivery per active endpoint of the caller's shop and mode that
/// subscribes to it, inside the caller's transaction: if the change rolls back, so does its
/// event. The dispatcher is woken at once; its claim waits for this transaction's write lock,
/// so it sees the rows as soon as they commit.
pub async fn record<T: Serialize>(
    conn: &mut Conn,
    caller: &Caller,
    kind: EventType,
    resource: &T,
    at: DateTime<Utc>,
) -> ApiResult<EventId> {
    let id = insert(conn, &caller.shop_id, caller.livemode(), kind, resource, at).await?;
    fan_out(conn, &caller.shop_id, caller.livemode(), &id, kind, at).await?;
    wake_dispatchers();
    Ok(id)
}

/// Writes an event row and returns its id; `record` also fans it out.
pub async fn insert<T: Serialize>(
    conn: &mut Conn,
    shop_id: &ShopId,
    livemode: bool,
    kind: EventType,
    resource: &T,
    now: DateTime<Utc>,
) -> ApiResult<EventId> {
    let id = EventId::generate();
    let payload = serde_json::to_string(&EventBody {
        id: &id,
        kind,
        created_at: now,
        livemode,
        data: resource,
    })
    .map_err(|err| {
        tracing::error!(error = %err, "event payload does not serialize");
        crate::http::error::ApiError::internal()
    })?;
    db::query(
        "INSERT INTO events (id, shop_id, livemode, type, payload, created_at, created_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(shop_id)
    .bind(livemode)
    .bind(kind.as_str())
    .bind(payload)
    .bind(now)
    .bind(now.timestamp_millis())
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

async fn fan_out(
    conn: &mut Conn,
    shop_id: &ShopId,
    livemode: bool,
    event: &EventId,
    kind: EventType,
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    let endpoints: Vec<WebhookEndpointId> = db::query(db::PerEngine {
        sqlite: "SELECT id FROM webhook_endpoints
                 WHERE shop_id = $1 AND livemode = $2 AND active
                   AND EXISTS (SELECT 1 FROM json_each(events) WHERE value IN ('*', $3))",
        postgres: "SELECT id FROM webhook_endpoints
                   WHERE shop_id = $1 AND livemode = $2 AND active
                     AND events::jsonb ?| ARRAY['*', $3]",
    })
    .bind(shop_id)
    .bind(livemode)
    .bind(kind.as_str())
    .fetch_scalars(&mut *conn)
    .await?;
    // Due at once by the dispatcher's schedule, which runs on real time.
    let due_ms = time::now().timestamp_millis();
    for endpoint in endpoints {
        db::query(
            "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, next_attempt_ms, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(DeliveryId::generate())
        .bind(&endpoint)
        .bind(event)
        .bind(kind.as_str())
        .bind(due_ms)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
