//! Extension point for a source that knows what the WMI table cannot: model, trim, body class,
//! engine, plant. The vPIC decoder (`vin::vpic`) is the one the server uses.

use std::future::Future;
use std::pin::Pin;

use super::{DecodedVin, ModelYearBasis};

/// A source of vehicle details beyond the VIN's structure. Implementations
/// should apply their own timeout and return `None` on any failure: the
/// decoder then serves the offline result unchanged, so an outage upstream
/// never turns into an error for `GET /vin/{vin}`.
///
/// Boxed future rather than `async fn` so the trait stays object-safe
/// (`Arc<dyn VinProvider>`) without an extra crate.
pub trait VinProvider: Send + Sync {
    /// Called only with VINs that passed offline validation.
    fn enrich<'a>(
        &'a self,
        vin: &'a DecodedVin,
    ) -> Pin<Box<dyn Future<Output = Option<VehicleDetails>> + Send + 'a>>;
}

/// What a provider found. Every field is optional; `None` leaves the offline
/// value (if any) in place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VehicleDetails {
    /// Make as the provider spells it; replaces the table's make.
    pub make: Option<String>,
    /// Manufacturer as the provider names it; replaces the table's.
    pub manufacturer: Option<String>,
    /// Model name, e.g. "Accord".
    pub model: Option<String>,
    /// Model year from the manufacturer's own coding; replaces the offline
    /// estimate, which can be a 30-year cycle off (see `DecodedVin::model_year`).
    pub model_year: Option<i32>,
    /// How the provider settled the model year (`VpicSchemas` when not given).
    pub model_year_basis: Option<ModelYearBasis>,
    /// Trim, e.g. "EX-V6".
    pub trim: Option<String>,
    /// Series, e.g. "1500".
    pub series: Option<String>,
    /// Body class, e.g. "Coupe" or "Sport Utility Vehicle (SUV)/Multi-Purpose Vehicle (MPV)".
    pub body_class: Option<String>,
    pub vehicle_type: Option<String>,
    pub drive_type: Option<String>,
    pub engine_cylinders: Option<u32>,
    pub engine_displacement_l: Option<f64>,
    pub fuel_type: Option<String>,
    pub plant_country: Option<String>,
    pub plant_state: Option<String>,
    pub plant_city: Option<String>,
}
