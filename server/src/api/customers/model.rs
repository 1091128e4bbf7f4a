use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::examples;
use crate::core::ids::{CustomerId, LocationId};
use crate::core::validate::nullable;
use crate::http::pagination::list_type;

/// A customer of the shop.
#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
#[schema(example = examples::customer)]
pub struct Customer {
    pub id: CustomerId,
    /// The location the customer belongs to. Keys limited to a location see only its customers.
    pub location_id: LocationId,
    /// Full name.
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Free-form notes for the shop's staff.
    pub notes: Option<String>,
    /// `true` for production data (live keys), `false` for sandbox data (test keys).
    pub livemode: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Fields of a new customer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::create)]
pub struct CreateCustomer {
    /// Full name, 1 to 200 characters.
    pub name: String,
    pub email: Option<String>,
    /// As people write it, e.g. `555-0142` or `+1 (555) 014-2000`.
    pub phone: Option<String>,
    pub notes: Option<String>,
    /// Defaults to the key's location, or the shop's first location for unrestricted keys.
    pub location_id: Option<LocationId>,
}

/// A partial update: only the fields sent change; `null` or `""` clears an optional field.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::update)]
pub struct UpdateCustomer {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub notes: Option<Option<String>>,
    pub location_id: Option<LocationId>,
}

/// Filters and paging for `GET /customers`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListCustomers {
    /// Page size, 1 to 100 (default 50).
    #[param(minimum = 1, maximum = 100, example = 50)]
    pub limit: Option<u32>,
    /// How many results to skip (default 0).
    #[param(minimum = 0, example = 0)]
    pub offset: Option<u32>,
    /// Case-insensitive search over name, email and phone (phone matches on digits alone, so
    /// `5550142` finds `555-0142`).
    #[param(example = "chen")]
    pub q: Option<String>,
    /// Only customers of this location.
    pub location_id: Option<LocationId>,
}

list_type!(
    /// A page of customers, newest first.
    #[schema(example = examples::list)]
    CustomerList,
    Customer
);
