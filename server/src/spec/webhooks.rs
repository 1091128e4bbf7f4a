//! The spec's `webhooks` section (OpenAPI 3.1): one entry per event type, describing the POST a
//! receiver gets, its headers, its body schema and an example.
//!
//! `data` is the schema of the resource the event reports (`data_schema`).

use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{AllOfBuilder, ObjectBuilder, Type};
use utoipa::openapi::{
    ContentBuilder, PathsBuilder, Ref, RefOr, Required, ResponseBuilder, Schema,
};
use utoipa::{Modify, PartialSchema};

use crate::api::webhooks::examples;
use crate::events::EventType;

/// The envelope every webhook body shares; `data` depends on `type`.
#[derive(utoipa::ToSchema)]
#[schema(example = json!(examples::event(EventType::CustomerCreated)))]
#[allow(dead_code)] // Documents the body `EventBody` serializes; never built.
pub struct Event {
    pub id: crate::core::ids::EventId,
    #[schema(rename = "type")]
    pub kind: EventType,
    /// When the change happened.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// `true` for production events (made with a live key), `false` for sandbox ones.
    pub livemode: bool,
    /// The resource as it was right after the change, as the API's own endpoints return it.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

/// Adds the `webhooks` section and the `Event`/`EventType` schemas to the document.
pub struct WebhooksSection;

impl Modify for WebhooksSection {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components
            .schemas
            .insert("Event".into(), <Event as PartialSchema>::schema());
        components
            .schemas
            .insert("EventType".into(), <EventType as PartialSchema>::schema());
        let mut paths = PathsBuilder::new();
        for kind in EventType::SUBSCRIBABLE.iter().chain([&EventType::Ping]) {
            paths = paths.path(
                kind.as_str(),
                PathItem::new(HttpMethod::Post, operation(*kind)),
            );
        }
        openapi.webhooks = Some(paths.build());
    }
}

fn operation(kind: EventType) -> OperationBuilder {
    let body = AllOfBuilder::new()
        .item(Ref::from_schema_name("Event"))
        .item(
            ObjectBuilder::new()
                .property(
                    "type",
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some([kind.as_str()])),
                )
                .property("data", data_schema(kind)),
        );
    let content = ContentBuilder::new()
        .schema(Some(body))
        .example(Some(examples::event(kind)))
        .build();
    let description = format!(
        "Fires when: {}. The body is the event envelope with the resource as `data`; the \
         headers carry the event type, the delivery id (the same on every retry: deduplicate on \
         it), a unix timestamp and the signature. Answer 2xx quickly and do the work \
         asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.",
        kind.fires_when()
    );
    OperationBuilder::new()
        .summary(Some(kind.as_str()))
        .description(Some(description))
        .operation_id(Some(format!("event_{}", kind.as_str().replace('.', "_"))))
        .tag("webhooks")
        .parameters(Some(headers(kind)))
        .request_body(Some(
            RequestBodyBuilder::new()
                .content("application/json", content)
                .required(Some(Required::True))
                .build(),
        ))
        .response(
            "200",
            ResponseBuilder::new()
                .description("Any 2xx acknowledges the delivery.")
                .build(),
        )
        .response(
            "410",
            ResponseBuilder::new()
                .description("Gone: the endpoint is disabled and gets no more deliveries.")
                .build(),
        )
        .response(
            "429",
            ResponseBuilder::new()
                .description(
                    "Too many requests: retried after `Retry-After` (seconds or an HTTP date) \
                     when sent, else after the next step of the schedule. 503 behaves the same.",
                )
                .build(),
        )
        .securities(Some([]))
}

fn data_schema(kind: EventType) -> RefOr<Schema> {
    match kind {
        EventType::CustomerCreated | EventType::CustomerUpdated => {
            Ref::from_schema_name("Customer").into()
        }
        EventType::JobCreated | EventType::JobStatusChanged | EventType::JobCompleted => {
            Ref::from_schema_name("Job").into()
        }
        EventType::InvoiceCreated | EventType::InvoiceSent | EventType::InvoicePaid => {
            Ref::from_schema_name("Invoice").into()
        }
        EventType::Ping => ObjectBuilder::new()
            .property("endpoint_id", crate::core::ids::WebhookEndpointId::schema())
            .required("endpoint_id")
            .property("message", ObjectBuilder::new().schema_type(Type::String))
            .required("message")
            .into(),
    }
}

fn headers(kind: EventType) -> Vec<utoipa::openapi::path::Parameter> {
    let header = |name: &str, description: String, example: &str| {
        ParameterBuilder::new()
            .name(name)
            .parameter_in(ParameterIn::Header)
            .required(Required::True)
            .description(Some(description))
            .schema(Some(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .examples([serde_json::json!(example)]),
            ))
            .build()
    };
    vec![
        header("X-VinSnap-Event", "The event type.".into(), kind.as_str()),
        header(
            "X-VinSnap-Delivery",
            "The delivery id: stable across retries, so use it to deduplicate.".into(),
            "dlv_01jd3qa2h5j6k7m8n9p0q1r2s3",
        ),
        header(
            "X-VinSnap-Timestamp",
            "Unix seconds when this attempt was signed. Reject deliveries more than 300 s away \
             from your clock."
                .into(),
            "1795342530",
        ),
        header(
            "X-VinSnap-Signature",
            "`sha256=` + hex HMAC-SHA256 keyed with the endpoint secret (`whsec_…`, as a string) \
             over `\"{timestamp}.{raw body}\"`. During the 24 h after a secret rotation, several \
             comma-separated values (new secret first); accept the delivery if any matches."
                .into(),
            "sha256=6f1c2ab0f5f0c3e5f4f9a7b2d1e0c9b8a7f6e5d4c3b2a1908f7e6d5c4b3a2918",
        ),
    ]
}
