//! Example values for the spec, written once and used by both schemas and responses.

use serde_json::{Value, json};

pub fn part() -> Value {
    json!({
        "id": "prt_01jd3qa0b1c2d3e4f5g6h7j8k9",
        "brand": "Akebono",
        "part_number": "ACT000787",
        "type": "brake-pads",
        "name": "Akebono Front Ceramic Brake Pad Set",
        "description": "Includes abutment clips and hardware. Low noise, low dust; shimmed and chamfered.",
        "unit_price": 5499,
        "currency": "USD",
        "oem_numbers": [{ "brand": "Honda", "number": "45022-SDA-A00" }],
        "fitments": [
            { "make": "Honda", "model": "Accord", "year_from": 2003, "year_to": 2007 }
        ],
        "stock": [
            { "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7", "quantity": 4 },
            { "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x9", "quantity": 0 }
        ]
    })
}

pub fn search() -> Value {
    json!({
        "vehicle": {
            "vin": "1HGCM82633A004352",
            "vehicle_id": null,
            "make": "Honda",
            "model": "Accord",
            "year": 2003
        },
        "fitment_basis": "make_model_year",
        "data": [part()],
        "has_more": false,
        "total": 1
    })
}
