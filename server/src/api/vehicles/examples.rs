//! Example values for the spec, written once and used by both schemas and responses.

use serde_json::{Value, json};

pub fn vehicle() -> Value {
    json!({
        "id": "veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
        "customer_id": "cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
        "vin": "1HGCM82633A004352",
        "year": 2003,
        "make": "Honda",
        "model": null,
        "trim": null,
        "license_plate": "7ABC123",
        "color": "Silver",
        "mileage": 148250,
        "livemode": false,
        "created_at": "2026-11-22T10:16:02.481Z",
        "updated_at": "2026-11-22T10:16:02.481Z"
    })
}

pub fn create() -> Value {
    json!({ "vin": "1HGCM82633A004352", "license_plate": "7ABC123", "color": "Silver", "mileage": 148250 })
}

pub fn update() -> Value {
    json!({ "mileage": 151002, "model": "Accord", "trim": "EX-L" })
}

pub fn updated_vehicle() -> Value {
    let mut vehicle = vehicle();
    vehicle["mileage"] = json!(151002);
    vehicle["model"] = json!("Accord");
    vehicle["trim"] = json!("EX-L");
    vehicle["updated_at"] = json!("2026-12-03T09:41:10.007Z");
    vehicle
}

pub fn list() -> Value {
    json!({ "data": [vehicle()], "has_more": false, "total": 1 })
}

pub fn deleted() -> Value {
    json!({ "id": "veh_01jd3q9b2cd3e4f5g6h7j8k9m0", "deleted": true })
}
