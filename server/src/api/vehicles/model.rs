use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::examples;
use crate::core::ids::{CustomerId, VehicleId};
use crate::core::validate::nullable;
use crate::http::pagination::list_type;

/// A customer's vehicle.
#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
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
    pub vin: Option<String>,
    pub year: Option<i32>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub trim: Option<String>,
    pub license_plate: Option<String>,
    pub color: Option<String>,
    pub mileage: Option<i64>,
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
    #[schema(value_type = Option<String>)]
    pub vin: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i32>)]
    pub year: Option<Option<i32>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub make: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub model: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub trim: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub license_plate: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub color: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i64>)]
    pub mileage: Option<Option<i64>>,
    /// Set `false` to store a new VIN as given, without validating or decoding it.
    #[schema(default = true)]
    pub auto_decode: Option<bool>,
}

/// Paging for `GET /customers/{id}/vehicles`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListVehicles {
    /// Page size, 1 to 100 (default 50).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// How many results to skip (default 0).
    #[param(minimum = 0)]
    pub offset: Option<u32>,
}

list_type!(
    /// A page of vehicles, newest first.
    #[schema(example = examples::list)]
    VehicleList,
    Vehicle
);
