use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::examples;
use crate::core::bounded::{Limit, Offset};
use crate::core::ids::{LocationId, PartId, VehicleId};
use crate::core::text::{SingleLine, Vin};

/// A part of the catalog, with the vehicles it fits and the stock at the caller's locations.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = examples::part)]
pub struct Part {
    pub id: PartId,
    /// The aftermarket (or OE) brand, e.g. `Akebono`.
    pub brand: String,
    /// The brand's part number.
    pub part_number: String,
    /// The kind of part, e.g. `brake-pads`, `oil-filter`.
    #[serde(rename = "type")]
    pub part_type: String,
    pub name: String,
    pub description: String,
    /// List price in minor units of `currency` (cents); `null` when the catalog has none.
    pub unit_price: Option<i64>,
    /// ISO 4217 code, e.g. `USD`.
    pub currency: String,
    /// The vehicle makers' own numbers this part replaces.
    pub oem_numbers: Vec<OemNumber>,
    /// Every vehicle range the part fits.
    pub fitments: Vec<Fitment>,
    /// Quantity on hand at each of the caller's locations (just its own for a location-limited
    /// key); 0 where the location stocks none.
    pub stock: Vec<StockLevel>,
}

/// An OEM cross-reference.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OemNumber {
    /// The vehicle maker, e.g. `Honda`.
    pub brand: String,
    pub number: String,
}

/// A range of vehicles a part fits.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Fitment {
    pub make: String,
    /// `null`: every model of the make.
    pub model: Option<String>,
    pub year_from: i32,
    pub year_to: i32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StockLevel {
    pub location_id: LocationId,
    pub quantity: i64,
}

/// The query of `GET /parts/search`: a vehicle (`vin` or `vehicle_id`), and optionally a part
/// type and search words.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchParts {
    /// The vehicle's VIN; decoded to make and model year (and model, where the decoder knows
    /// it). Give this or `vehicle_id`, not both (422 otherwise).
    #[param(inline, example = "1HGCM82633A004352")]
    pub vin: Option<Vin>,
    /// One of the shop's vehicles; its stored make, model and year are used. Also needs the
    /// `vehicles:read` scope. Give this or `vin`, not both (422 otherwise).
    pub vehicle_id: Option<VehicleId>,
    /// Only parts of this type, e.g. `brake-pads`, `oil-filter`, `spark-plugs`; a type the
    /// catalog does not have is a 404 that lists the ones it has.
    #[serde(rename = "type")]
    #[param(rename = "type", inline, example = "brake-pads")]
    pub part_type: Option<SingleLine<100>>,
    /// Words to find in the part's name, brand, part number, OEM numbers or description (each
    /// word a prefix, all words required), e.g. `ceramic` or `45022`. Words are runs of letters
    /// and digits; a `q` with none matches no part.
    #[param(inline, example = "ceramic")]
    pub q: Option<SingleLine<200>>,
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
}

/// The vehicle the search was filtered to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchedVehicle {
    /// The VIN searched by (decoded, upper-cased); `null` when searching by `vehicle_id`.
    pub vin: Option<String>,
    pub vehicle_id: Option<VehicleId>,
    pub make: String,
    /// `null` when the model is unknown (the offline VIN decoder knows make and year only).
    pub model: Option<String>,
    pub year: i32,
}

/// How precisely the results fit the vehicle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FitmentBasis {
    /// Each part fits this make, model and year.
    MakeModelYear,
    /// The model is unknown: each part fits some model of this make in this year. Check the
    /// part's `fitments` against the vehicle, or search by a `vehicle_id` with its model set.
    MakeYear,
}

/// A page of the parts that fit the vehicle, in catalog order.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = examples::search)]
pub struct PartSearch {
    pub vehicle: SearchedVehicle,
    pub fitment_basis: FitmentBasis,
    /// This page of results.
    pub data: Vec<Part>,
    /// Whether more results exist past this page (`offset + limit < total`).
    pub has_more: bool,
    /// How many parts match, across all pages.
    pub total: i64,
}
