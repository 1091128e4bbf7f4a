//! Example values for the spec, written once and used by both schemas and responses.

use serde_json::{Value, json};

pub fn customer() -> Value {
    json!({
        "id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7",
        "name": "Sarah Chen",
        "email": "s.chen@email.com",
        "phone": "555-0142",
        "notes": null,
        "livemode": false,
        "created_at": "2026-11-22T10:15:30.123Z",
        "updated_at": "2026-11-22T10:15:30.123Z"
    })
}

pub fn create() -> Value {
    json!({ "name": "Sarah Chen", "phone": "555-0142", "email": "s.chen@email.com" })
}

pub fn update() -> Value {
    json!({ "phone": "555-0199", "notes": "Prefers text messages" })
}

pub fn updated_customer() -> Value {
    let mut customer = customer();
    customer["phone"] = json!("555-0199");
    customer["notes"] = json!("Prefers text messages");
    customer["updated_at"] = json!("2026-11-22T11:02:04.551Z");
    customer
}

pub fn list() -> Value {
    json!({ "data": [customer()], "has_more": false, "total": 1 })
}

pub fn deleted() -> Value {
    json!({ "id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9", "deleted": true })
}
