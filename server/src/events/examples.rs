//! Example event bodies for the spec's `webhooks` section and the delivery-log examples.

use serde_json::{Value, json};

use super::EventType;
use crate::api::customers::examples as customers;
use crate::api::invoices::examples as invoices;
use crate::api::jobs::examples as jobs;

const EVENT_ID: &str = "evt_01jd3qa1g4h5j6k7m8n9p0q1r2";
const CREATED_AT: &str = "2026-11-22T10:15:30.123Z";

/// An example `data` for each event type: the resources' own documented examples.
pub fn data(kind: EventType) -> Value {
    match kind {
        EventType::CustomerCreated => customers::customer(),
        EventType::CustomerUpdated => customers::updated_customer(),
        EventType::JobCreated => jobs::job(),
        EventType::JobStatusChanged => jobs::started_job(),
        EventType::JobCompleted => {
            let mut job = jobs::started_job();
            job["status"] = json!("completed");
            job["completed_at"] = json!("2026-11-22T16:40:00.000Z");
            job["updated_at"] = json!("2026-11-22T16:40:00.000Z");
            job
        }
        EventType::InvoiceCreated => invoices::invoice(),
        EventType::InvoiceSent => invoices::sent_invoice(),
        EventType::InvoicePaid => invoices::paid_invoice(),
        EventType::Ping => json!({
            "endpoint_id": "we_01jd3qa0f3g4h5j6k7m8n9p0q1",
            "message": "Test webhook from VinSnap"
        }),
    }
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
