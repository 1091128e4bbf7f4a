//! The API's resources, one folder each, assembled into one router and one spec.

pub mod api_keys;
pub mod customers;
pub mod invoices;
pub mod jobs;
pub mod line_items;
pub mod locations;
pub mod parts;
pub mod vehicles;
pub mod vin;
pub mod webhooks;

use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

/// Every resource's routes, with their spec.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(customers::router())
        .merge(vehicles::router())
        .merge(vin::router())
        .merge(locations::router())
        .merge(api_keys::router())
        .merge(jobs::router())
        .merge(invoices::router())
        .merge(webhooks::router())
        .merge(parts::router())
}

/// Confirms a deletion.
#[derive(Debug, Serialize, ToSchema)]
pub struct Deleted {
    /// The id of the deleted object.
    pub id: String,
    /// Always `true`.
    pub deleted: bool,
}

impl Deleted {
    pub fn new(id: impl std::fmt::Display) -> Self {
        Self {
            id: id.to_string(),
            deleted: true,
        }
    }
}
