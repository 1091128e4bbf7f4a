//! Example values for the spec, written once and used by both schemas and responses.

use serde_json::{Value, json};

use crate::api::line_items;

const PDF_URL: &str = "https://vinsnap.net/.netlify/functions/api/invoices/inv_01jd3qb4c5d6e7f8g9h0j1k2m3/pdf?expires=1764412800&signature=9f2c4e1b7a0d3c6f8e5b2a1d4c7f0e3b6a9d2c5f8e1b4a7d0c3f6e9b2a5d8c1f";

/// A draft from the example job: 180.00 labor + 64.99 parts, 8.25 % tax on 244.99 is 20.21175,
/// rounded half up to 20.21.
pub fn invoice() -> Value {
    json!({
        "id": "inv_01jd3qb4c5d6e7f8g9h0j1k2m3",
        "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7",
        "customer_id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        "vehicle_id": "veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
        "job_id": "job_01jd3qa2b3c4d5e6f7g8h9j0k1",
        "status": "draft",
        "line_items": line_items::example_items(),
        "currency": "USD",
        "tax_rate_bps": 825,
        "subtotal": 24499,
        "tax": 2021,
        "total": 26520,
        "notes": null,
        "sent_to": null,
        "sent_at": null,
        "message_id": null,
        "pdf_url": null,
        "pdf_url_expires_at": null,
        "paid_at": null,
        "amount_paid": null,
        "payment_method": null,
        "voided_at": null,
        "livemode": false,
        "created_at": "2026-11-22T15:02:11.008Z",
        "updated_at": "2026-11-22T15:02:11.008Z"
    })
}

pub fn create_from_job() -> Value {
    json!({ "job_id": "job_01jd3qa2b3c4d5e6f7g8h9j0k1" })
}

pub fn update() -> Value {
    json!({ "notes": "Rotors were within spec; pads only." })
}

pub fn updated_invoice() -> Value {
    let mut invoice = invoice();
    invoice["notes"] = json!("Rotors were within spec; pads only.");
    invoice["updated_at"] = json!("2026-11-22T15:06:40.227Z");
    invoice
}

pub fn sent_invoice() -> Value {
    let mut invoice = invoice();
    invoice["status"] = json!("sent");
    invoice["sent_to"] = json!("s.chen@email.com");
    invoice["sent_at"] = json!("2026-11-22T15:10:03.512Z");
    invoice["message_id"] = json!("<inv_01jd3qb4c5d6e7f8g9h0j1k2m3.1763824203512@vinsnap.net>");
    invoice["pdf_url"] = json!(PDF_URL);
    invoice["pdf_url_expires_at"] = json!("2026-11-29T15:10:03Z");
    invoice["updated_at"] = json!("2026-11-22T15:10:03.512Z");
    invoice
}

pub fn pay() -> Value {
    json!({ "amount": 26520, "method": "card", "paid_at": "2026-11-23T09:30:00Z" })
}

pub fn paid_invoice() -> Value {
    let mut invoice = sent_invoice();
    invoice["status"] = json!("paid");
    invoice["paid_at"] = json!("2026-11-23T09:30:00Z");
    invoice["amount_paid"] = json!(26520);
    invoice["payment_method"] = json!("card");
    invoice["updated_at"] = json!("2026-11-23T09:31:12.090Z");
    invoice
}

pub fn void_invoice() -> Value {
    let mut invoice = invoice();
    invoice["status"] = json!("void");
    invoice["voided_at"] = json!("2026-11-22T16:00:00.000Z");
    invoice["updated_at"] = json!("2026-11-22T16:00:00.000Z");
    invoice
}

pub fn list() -> Value {
    json!({ "data": [invoice()], "has_more": false, "total": 1 })
}
