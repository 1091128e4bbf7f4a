use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::examples;
use crate::core::bounded::{Limit, Offset};
use crate::core::ids::{CustomerId, LocationId};
use crate::core::text::{Email, MultiLine, NonBlankLine, Phone, SingleLine};
use crate::core::validate::nullable;
use crate::http::pagination::list_type;

/// A customer of the shop.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
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
    #[serde(deserialize_with = "crate::db::json::flag")]
    pub livemode: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Fields of a new customer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::create)]
pub struct CreateCustomer {
    /// Full name.
    #[schema(inline)]
    pub name: NonBlankLine<200>,
    #[schema(inline)]
    pub email: Option<Email>,
    #[schema(inline)]
    pub phone: Option<Phone>,
    /// Free-form notes for the shop's staff.
    #[schema(inline)]
    pub notes: Option<MultiLine<5000>>,
    /// Defaults to the key's location, or the shop's first location for unrestricted keys.
    pub location_id: Option<LocationId>,
}

/// A partial update: only the fields sent change; `null` or `""` clears an optional field.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::update)]
pub struct UpdateCustomer {
    /// Full name; `null` leaves it unchanged.
    #[schema(inline)]
    pub name: Option<NonBlankLine<200>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<Email>)]
    pub email: Option<Option<Email>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<Phone>)]
    pub phone: Option<Option<Phone>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<MultiLine<5000>>)]
    pub notes: Option<Option<MultiLine<5000>>>,
    pub location_id: Option<LocationId>,
}

/// Filters and paging for `GET /customers`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListCustomers {
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
    /// Case-insensitive search over name, email and phone (phone matches on digits alone, so
    /// `5550142` finds `555-0142`).
    #[param(inline, example = "chen")]
    pub q: Option<SingleLine<200>>,
    /// Only customers of this location.
    pub location_id: Option<LocationId>,
}

list_type!(
    /// A page of customers, newest first.
    #[schema(example = examples::list)]
    CustomerList,
    Customer
);
