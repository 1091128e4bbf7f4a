use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::examples;
use crate::core::bounded::Int;
use crate::core::bounded::{Limit, Offset};
use crate::core::ids::{CustomerId, VehicleId};
use crate::core::text::{self, AnyVin, SingleLine};
use crate::core::validate::nullable;
use crate::http::body_rules;
use crate::http::pagination::list_type;

/// A customer's vehicle.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
#[schema(example = examples::vehicle)]
pub struct Vehicle {
    pub id: VehicleId,
    pub customer_id: CustomerId,
    /// The 17-character VIN (shorter for pre-1981 vehicles), upper-cased.
    pub vin: Option<String>,
    /// Model year.
    pub year: Option<i32>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub trim: Option<String>,
    pub license_plate: Option<String>,
    pub color: Option<String>,
    /// Odometer reading.
    pub mileage: Option<i64>,
    /// `true` for production data (live keys), `false` for sandbox data (test keys).
    #[serde(deserialize_with = "crate::db::json::flag")]
    pub livemode: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Fields of a new vehicle. With a `vin`, the VIN is validated and decoded, and the decoded
/// year, make, model and trim fill whichever of those fields the request leaves out.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::create)]
pub struct CreateVehicle {
    #[schema(inline)]
    pub vin: Option<AnyVin>,
    /// Model year.
    #[schema(inline)]
    pub year: Option<Year>,
    #[schema(inline)]
    pub make: Option<SingleLine<80>>,
    #[schema(inline)]
    pub model: Option<SingleLine<80>>,
    #[schema(inline)]
    pub trim: Option<SingleLine<80>>,
    #[schema(inline)]
    pub license_plate: Option<SingleLine<20>>,
    #[schema(inline)]
    pub color: Option<SingleLine<40>>,
    /// Odometer reading.
    #[schema(inline)]
    pub mileage: Option<Mileage>,
    /// Set `false` to store the VIN as given, without validating or decoding it (for example a
    /// pre-1981 VIN). Defaults to `true`.
    #[schema(default = true)]
    pub auto_decode: Option<bool>,
}

/// A partial update: only the fields sent change; `null` clears a field. A new `vin` is decoded
/// (unless `auto_decode` is `false`) and fills the decoded fields the request leaves out.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::update)]
pub struct UpdateVehicle {
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<AnyVin>)]
    pub vin: Option<Option<AnyVin>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<Year>)]
    pub year: Option<Option<Year>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<SingleLine<80>>)]
    pub make: Option<Option<SingleLine<80>>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<SingleLine<80>>)]
    pub model: Option<Option<SingleLine<80>>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<SingleLine<80>>)]
    pub trim: Option<Option<SingleLine<80>>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<SingleLine<20>>)]
    pub license_plate: Option<Option<SingleLine<20>>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<SingleLine<40>>)]
    pub color: Option<Option<SingleLine<40>>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<Mileage>)]
    pub mileage: Option<Option<Mileage>>,
    /// Set `false` to store a new VIN as given, without validating or decoding it.
    #[schema(default = true)]
    pub auto_decode: Option<bool>,
}

/// A model year: 1886 (the first car) to 2100.
pub type Year = Int<1886, 2100>;
/// An odometer reading, 0 to 10 000 000.
pub type Mileage = Int<0, 10_000_000>;

/// The rule between `vin` and `auto_decode` (both bodies): a VIN that is to be decoded has the
/// ISO 3779 form.
pub fn vin_rules() -> Vec<serde_json::Value> {
    vec![body_rules::if_then_else(
        serde_json::json!({ "required": ["auto_decode"], "properties": { "auto_decode": { "const": false } } }),
        serde_json::json!({}),
        serde_json::json!({ "properties": { "vin": { "pattern": text::VIN } } }),
    )]
}

/// Paging for `GET /customers/{id}/vehicles`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListVehicles {
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
}

list_type!(
    /// A page of vehicles, newest first.
    #[schema(example = examples::list)]
    VehicleList,
    Vehicle
);
