//! Extension point for an online source (e.g. NHTSA vPIC) that knows what the
//! offline table cannot: model, trim, body class.

use std::future::Future;
use std::pin::Pin;

use super::DecodedVin;

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VehicleDetails {
    /// Model name, e.g. "Accord".
    pub model: Option<String>,
    /// Trim or series, e.g. "EX-V6".
    pub trim: Option<String>,
    /// Body class, e.g. "Coupe" or "Sport Utility Vehicle (SUV)".
    pub body_class: Option<String>,
    /// Make as the provider spells it; replaces the table's make.
    pub make: Option<String>,
    /// Manufacturer as the provider names it; replaces the table's.
    pub manufacturer: Option<String>,
    /// Model year from the manufacturer's own coding; replaces the offline
    /// estimate, which can be a 30-year cycle off (see `DecodedVin::model_year`).
    pub model_year: Option<i32>,
}
