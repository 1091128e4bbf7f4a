//! Example event bodies for the spec's `webhooks` section and the delivery-log examples.

use serde_json::{Value, json};

use super::EventType;
use crate::api::customers::examples as customers;

const EVENT_ID: &str = "evt_01jd3qa1g4h5j6k7m8n9p0q1r2";
const CREATED_AT: &str = "2026-11-22T10:15:30.123Z";

/// An example `data` for each event type. Job and invoice examples follow the seed's fields;
/// once those resources exist their own `examples` module should supply these.
pub fn data(kind: EventType) -> Value {
    match kind {
        EventType::CustomerCreated => customers::customer(),
        EventType::CustomerUpdated => customers::updated_customer(),
        EventType::JobCreated => job("pending", None),
        EventType::JobStatusChanged => job("in-progress", None),
        EventType::JobCompleted => job("completed", Some("2026-11-22T16:40:00.000Z")),
        EventType::InvoiceCreated => invoice("draft", None, None),
        EventType::InvoiceSent => invoice("sent", Some("2026-11-22T17:05:00.000Z"), None),
        EventType::InvoicePaid => invoice(
            "paid",
            Some("2026-11-22T17:05:00.000Z"),
            Some("2026-11-23T09:12:44.000Z"),
        ),
        EventType::Ping => json!({
            "endpoint_id": "we_01jd3qa0f3g4h5j6k7m8n9p0q1",
            "message": "Test webhook from VinSnap"
        }),
    }
}

fn job(status: &str, completed_at: Option<&str>) -> Value {
    json!({
        "id": "job_01jd3qb3j6k7m8n9p0q1r2s3t4",
        "customer_id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        "vehicle_id": "veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
        "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7",
        "title": "Front brake pads and rotors",
        "status": status,
        "livemode": false,
        "created_at": "2026-11-22T10:20:00.000Z",
        "updated_at": completed_at.unwrap_or("2026-11-22T11:45:00.000Z"),
        "completed_at": completed_at
    })
}

fn invoice(status: &str, sent_at: Option<&str>, paid_at: Option<&str>) -> Value {
    json!({
        "id": "inv_01jd3qc4k7m8n9p0q1r2s3t4v5",
        "job_id": "job_01jd3qb3j6k7m8n9p0q1r2s3t4",
        "customer_id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        "status": status,
        "total": 48250,
        "currency": "USD",
        "livemode": false,
        "created_at": "2026-11-22T16:45:00.000Z",
        "sent_at": sent_at,
        "paid_at": paid_at
    })
}

/// A whole request body, as a receiver gets it.
pub fn body(kind: EventType) -> Value {
    json!({
        "id": EVENT_ID,
        "type": kind.as_str(),
        "created_at": CREATED_AT,
        "livemode": false,
        "data": data(kind)
    })
}

/// The raw body text for `name` (a delivery log's `request_body`).
pub fn body_text(name: &str) -> String {
    let kind = EventType::parse(name).expect("a known event type");
    serde_json::to_string(&body(kind)).expect("examples serialize")
}
