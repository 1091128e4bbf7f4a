//! Example values for the spec, written once and used by both schemas and responses.

use serde_json::{Value, json};

use crate::api::line_items;

pub fn job() -> Value {
    json!({
        "id": "job_01jd3qa2b3c4d5e6f7g8h9j0k1",
        "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7",
        "customer_id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        "vehicle_id": "veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
        "title": "Front brake service",
        "description": "Customer reports grinding when braking.",
        "status": "pending",
        "line_items": line_items::example_items(),
        "currency": "USD",
        "subtotal": 24499,
        "livemode": false,
        "created_at": "2026-11-22T10:20:00.000Z",
        "updated_at": "2026-11-22T10:20:00.000Z",
        "started_at": null,
        "completed_at": null,
        "cancelled_at": null
    })
}

pub fn create() -> Value {
    json!({
        "customer_id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        "vehicle_id": "veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
        "title": "Front brake service",
        "description": "Customer reports grinding when braking.",
        "line_items": [line_items::example_labor(), line_items::example_part()]
    })
}

pub fn update() -> Value {
    json!({ "title": "Front brake service and fluid flush" })
}

pub fn updated_job() -> Value {
    let mut job = job();
    job["title"] = json!("Front brake service and fluid flush");
    job["updated_at"] = json!("2026-11-22T10:31:12.402Z");
    job
}

pub fn status_change() -> Value {
    json!({ "status": "in-progress" })
}

pub fn started_job() -> Value {
    let mut job = job();
    job["status"] = json!("in-progress");
    job["started_at"] = json!("2026-11-22T10:45:00.000Z");
    job["updated_at"] = json!("2026-11-22T10:45:00.000Z");
    job
}

pub fn list() -> Value {
    json!({ "data": [job()], "has_more": false, "total": 1 })
}

pub fn deleted() -> Value {
    json!({ "id": "job_01jd3qa2b3c4d5e6f7g8h9j0k1", "deleted": true })
}
