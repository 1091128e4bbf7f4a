//! Example values for the spec, written once and used by both schemas and responses.

use serde_json::{Value, json};

use crate::api::customers::examples as customers;
use crate::api::invoices::examples as invoices;
use crate::api::jobs::examples as jobs;
use crate::events::EventType;

const ENDPOINT_ID: &str = "we_01jd3qa0f3g4h5j6k7m8n9p0q1";
const DELIVERY_ID: &str = "dlv_01jd3qa2h5j6k7m8n9p0q1r2s3";
const EVENT_ID: &str = "evt_01jd3qa1g4h5j6k7m8n9p0q1r2";

pub fn endpoint() -> Value {
    json!({
        "id": ENDPOINT_ID,
        "url": "https://yourapp.com/webhooks/vinsnap",
        "events": ["customer.created", "customer.updated"],
        "description": "CRM sync",
        "active": true,
        "status": "enabled",
        "disabled_reason": null,
        "consecutive_failures": 0,
        "livemode": false,
        "created_at": "2026-11-22T10:30:00.000Z",
        "updated_at": "2026-11-22T10:30:00.000Z"
    })
}

pub fn created() -> Value {
    let mut endpoint = endpoint();
    endpoint["secret"] = json!("whsec_k3Xp9LmR7qNv2TsBa8Wd4Yf6Hj1Kc5Qe");
    endpoint
}

pub fn create() -> Value {
    json!({
        "url": "https://yourapp.com/webhooks/vinsnap",
        "events": ["customer.created", "customer.updated"],
        "description": "CRM sync"
    })
}

pub fn update() -> Value {
    json!({ "events": ["*"], "description": "Everything, for the data warehouse" })
}

pub fn updated() -> Value {
    let mut endpoint = endpoint();
    endpoint["events"] = json!(["*"]);
    endpoint["description"] = json!("Everything, for the data warehouse");
    endpoint["updated_at"] = json!("2026-11-22T11:05:12.204Z");
    endpoint
}

pub fn rotated() -> Value {
    let mut endpoint = created();
    endpoint["secret"] = json!("whsec_Vb7Tn2Qw9Lx4Rk8Pz3Jm6Hd1Fs5Gc0Ye");
    endpoint["updated_at"] = json!("2026-11-22T11:20:00.000Z");
    endpoint
}

pub fn list() -> Value {
    json!({ "data": [endpoint()], "has_more": false, "total": 1 })
}

pub fn deleted() -> Value {
    json!({ "id": ENDPOINT_ID, "deleted": true })
}

pub fn test_succeeded() -> Value {
    json!({
        "success": true,
        "status_code": 200,
        "response_time_ms": 145,
        "message": "Test webhook delivered successfully",
        "delivery_id": DELIVERY_ID
    })
}

pub fn delivery() -> Value {
    json!({
        "id": DELIVERY_ID,
        "endpoint_id": ENDPOINT_ID,
        "event_id": EVENT_ID,
        "event_type": "customer.created",
        "status": "succeeded",
        "attempt_count": 2,
        "next_attempt_at": null,
        "last_status_code": 200,
        "last_attempt_at": "2026-11-22T10:16:31.402Z",
        "created_at": "2026-11-22T10:15:30.123Z"
    })
}

pub fn delivery_list() -> Value {
    json!({ "data": [delivery()], "has_more": false, "total": 1 })
}

pub fn delivery_detail() -> Value {
    let mut detail = delivery();
    detail["request_body"] = json!(event(EventType::CustomerCreated).to_string());
    detail["attempts"] = json!([
        {
            "attempted_at": "2026-11-22T10:15:30.311Z",
            "status_code": 503,
            "response_body": "upstream unavailable",
            "duration_ms": 87,
            "error": null
        },
        {
            "attempted_at": "2026-11-22T10:16:31.402Z",
            "status_code": 200,
            "response_body": "{\"received\":true}",
            "duration_ms": 142,
            "error": null
        }
    ]);
    detail
}

pub fn retried() -> Value {
    let mut delivery = delivery();
    delivery["status"] = json!("pending");
    delivery["next_attempt_at"] = json!("2026-11-22T12:00:00.000Z");
    delivery
}

pub fn test_failed() -> Value {
    json!({
        "success": false,
        "status_code": 500,
        "response_time_ms": 10000,
        "message": "Webhook endpoint returned non-2xx status code 500",
        "delivery_id": DELIVERY_ID
    })
}

/// An example `data` for each event type: the resources' own documented examples.
pub fn event_data(kind: EventType) -> Value {
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
            "endpoint_id": ENDPOINT_ID,
            "message": "Test webhook from VinSnap"
        }),
    }
}

/// A whole event body, as a receiver gets it (the spec's `webhooks` section and a delivery's
/// `request_body`).
pub fn event(kind: EventType) -> Value {
    json!({
        "id": EVENT_ID,
        "type": kind.as_str(),
        "created_at": "2026-11-22T10:15:30.123Z",
        "livemode": false,
        "data": event_data(kind)
    })
}
