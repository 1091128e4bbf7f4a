use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{Array, ArrayBuilder, ObjectBuilder, OneOfBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{IntoParams, ToSchema};

use super::examples;
use crate::core::bounded::{Limit, Offset};
use crate::core::ids::{DeliveryId, EventId, WebhookEndpointId};
use crate::core::ssrf;
use crate::core::text::SingleLine;
use crate::core::validate::nullable;
use crate::events::EventType;
use crate::http::pagination::list_type;

/// The most endpoints a shop may register per mode.
pub const MAX_ENDPOINTS: i64 = 10;

/// A URL that receives the shop's events.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = examples::endpoint)]
pub struct WebhookEndpoint {
    pub id: WebhookEndpointId,
    /// The HTTPS URL deliveries are POSTed to.
    pub url: String,
    /// The event types delivered to this endpoint, or `["*"]` for all of them.
    #[schema(schema_with = event_names_schema)]
    pub events: Vec<String>,
    pub description: Option<String>,
    /// Whether the endpoint receives deliveries. Set it to `true` again to re-enable an
    /// endpoint the server disabled.
    pub active: bool,
    /// `enabled` or `disabled`; mirrors `active`.
    pub status: EndpointStatus,
    /// Why a disabled endpoint is disabled.
    pub disabled_reason: Option<DisabledReason>,
    /// Failed delivery attempts since the last successful one. When a delivery fails through
    /// the whole retry schedule with no success in between, the endpoint is disabled.
    pub consecutive_failures: i64,
    /// `true` for endpoints receiving production events (live keys), `false` for sandbox ones.
    pub livemode: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EndpointStatus {
    Enabled,
    Disabled,
}

/// `manual`: set `active: false`; `gone`: the receiver answered 410 Gone; `failing`: a delivery
/// failed through the whole retry schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisabledReason {
    Manual,
    Gone,
    Failing,
}

impl DisabledReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DisabledReason::Manual => "manual",
            DisabledReason::Gone => "gone",
            DisabledReason::Failing => "failing",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Manual, Self::Gone, Self::Failing]
            .into_iter()
            .find(|r| r.as_str() == raw)
    }
}

/// `events`: an array of event type names, or `["*"]` (`*` stands alone).
fn event_names_schema() -> Array {
    let names: Vec<&str> = EventType::SUBSCRIBABLE
        .iter()
        .map(|e| e.as_str())
        .chain(["*"])
        .collect();
    let distinct = names.len();
    let mut schema = ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(names)),
        )
        .min_items(Some(1))
        .max_items(Some(distinct))
        .description(Some(
            "Event type names (`customer.created`, …; a name given twice counts once), or \
             `[\"*\"]` for every event.",
        ))
        .examples([serde_json::json!(["customer.created", "customer.updated"])])
        .build();
    let star_alone = serde_json::json!([{
        "if": { "contains": { "const": "*" } },
        "then": { "maxItems": 1 }
    }]);
    schema.extensions = Some([("allOf", star_alone)].into_iter().collect());
    schema
}

/// `events` of an update: the same, or `null` to leave them as they are.
fn optional_event_names_schema() -> impl Into<RefOr<Schema>> {
    OneOfBuilder::new()
        .item(event_names_schema())
        .item(ObjectBuilder::new().schema_type(Type::Null))
}

/// A receiver's URL: the shape the spec states (`https://`, a public host, …). Whether the host
/// is public is checked by the handler, after DNS.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct WebhookUrl(pub String);

impl utoipa::PartialSchema for WebhookUrl {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(ssrf::URL_PATTERN))
            .max_length(Some(ssrf::MAX_URL_LEN))
            .description(Some(
                "A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, \
                 path, query and fragment. A host that is or resolves to a private, loopback or \
                 other internal address is refused (422), and so is an `http://` loopback URL, \
                 which only a server run for local development (`--allow-local-webhooks`) takes.",
            ))
            .examples([serde_json::json!("https://yourapp.com/webhooks/vinsnap")])
            .into()
    }
}

impl ToSchema for WebhookUrl {
    fn name() -> std::borrow::Cow<'static, str> {
        crate::core::text::must_be_inline("WebhookUrl")
    }
}

/// A new endpoint, with its signing secret. Store the secret now: it is never shown again
/// (rotate it to get a new one).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = examples::created)]
pub struct WebhookEndpointWithSecret {
    #[serde(flatten)]
    pub endpoint: WebhookEndpoint,
    /// The signing secret (`whsec_…`): the HMAC key for `X-VinSnap-Signature`.
    pub secret: String,
}

/// A new endpoint.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::create)]
pub struct CreateWebhookEndpoint {
    #[schema(inline)]
    pub url: WebhookUrl,
    #[schema(schema_with = event_names_schema)]
    pub events: Vec<String>,
    /// A label.
    #[schema(inline)]
    pub description: Option<SingleLine<500>>,
}

/// A partial update: only the fields sent change; `null` or `""` clears `description`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::update)]
pub struct UpdateWebhookEndpoint {
    #[schema(inline)]
    pub url: Option<WebhookUrl>,
    #[schema(schema_with = optional_event_names_schema)]
    pub events: Option<Vec<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<SingleLine<500>>)]
    pub description: Option<Option<SingleLine<500>>>,
    /// `false` stops deliveries; `true` re-enables the endpoint and resets
    /// `consecutive_failures`.
    pub active: Option<bool>,
}

/// Paging for `GET /webhooks`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListEndpoints {
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
}

list_type!(
    /// A page of webhook endpoints, newest first.
    #[schema(example = examples::list)]
    WebhookEndpointList,
    WebhookEndpoint
);

/// The result of `POST /webhooks/{id}/test`: a `ping` event sent at once, as seed 002 shows.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = examples::test_succeeded)]
pub struct WebhookTestResult {
    /// Whether the endpoint answered with a 2xx status.
    pub success: bool,
    /// The receiver's HTTP status; `null` when no answer arrived (refused, unreachable, timeout).
    pub status_code: Option<u16>,
    pub response_time_ms: u64,
    pub message: String,
    /// The ping's entry in the delivery log.
    pub delivery_id: DeliveryId,
}

/// `pending`: waiting for its first attempt or a retry; `succeeded`: a 2xx arrived; `failed`:
/// the retry schedule ran out, or the endpoint was disabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum DeliveryStatus {
    Pending,
    Succeeded,
    Failed,
}

/// One event sent to one endpoint; its id is the `X-VinSnap-Delivery` header, stable across
/// retries, so receivers can deduplicate.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = examples::delivery)]
pub struct WebhookDelivery {
    pub id: DeliveryId,
    pub endpoint_id: WebhookEndpointId,
    pub event_id: EventId,
    pub event_type: EventType,
    pub status: DeliveryStatus,
    /// Attempts made so far (a first attempt plus up to six retries).
    pub attempt_count: i64,
    /// When the next attempt is due, while `pending`.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_status_code: Option<u16>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A delivery with the exact request body it sends and every attempt made.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = examples::delivery_detail)]
pub struct WebhookDeliveryDetail {
    #[serde(flatten)]
    pub delivery: WebhookDelivery,
    /// The raw JSON body POSTed (and signed) on every attempt.
    pub request_body: String,
    /// Oldest first.
    pub attempts: Vec<WebhookAttempt>,
}

/// One POST to the receiver.
#[derive(Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct WebhookAttempt {
    pub attempted_at: DateTime<Utc>,
    /// The receiver's HTTP status; `null` when no answer arrived.
    #[schema(value_type = Option<u16>)]
    pub status_code: Option<i64>,
    /// The first 1 KiB of the receiver's answer.
    pub response_body: String,
    pub duration_ms: i64,
    /// Why the attempt failed without (or despite) an answer: a refused address, a timeout, a
    /// redirect that was not followed.
    pub error: Option<String>,
}

/// Filters and paging for `GET /webhooks/{id}/deliveries`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListDeliveries {
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
    /// Only deliveries in this state.
    pub status: Option<DeliveryStatus>,
    /// Only deliveries of this event type.
    pub event_type: Option<EventType>,
}

list_type!(
    /// A page of deliveries, newest first.
    #[schema(example = examples::delivery_list)]
    WebhookDeliveryList,
    WebhookDelivery
);
