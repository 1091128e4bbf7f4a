use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::examples;
use crate::api::line_items::{LineItem, LineItems, NewLineItems};
use crate::core::bounded::{Limit, Offset};
use crate::core::ids::{CustomerId, JobId, LocationId, VehicleId};
use crate::core::text::{MultiLine, NonBlankLine};
use crate::core::validate::nullable;
use crate::http::pagination::list_type;

/// Where a job stands on the shop's board. `pending → in-progress → completed`; a job can be
/// moved back from `in-progress` to `pending`, and `pending` or `in-progress` jobs can be
/// `cancelled`. `completed` and `cancelled` are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "kebab-case")]
#[sqlx(type_name = "text", rename_all = "kebab-case")]
pub enum JobStatus {
    Pending,
    InProgress,
    Completed,
    Cancelled,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Pending => "pending",
            JobStatus::InProgress => "in-progress",
            JobStatus::Completed => "completed",
            JobStatus::Cancelled => "cancelled",
        }
    }

    pub fn can_move_to(self, to: JobStatus) -> bool {
        use JobStatus::*;
        matches!(
            (self, to),
            (Pending, InProgress)
                | (InProgress, Pending)
                | (InProgress, Completed)
                | (Pending, Cancelled)
                | (InProgress, Cancelled)
        )
    }

    /// Whether the job's details and lines can still change.
    pub fn is_open(self) -> bool {
        matches!(self, JobStatus::Pending | JobStatus::InProgress)
    }
}

impl std::fmt::Display for JobStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A repair job for one of a customer's vehicles, at one of the shop's locations.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
#[schema(example = examples::job)]
pub struct Job {
    pub id: JobId,
    pub location_id: LocationId,
    pub customer_id: CustomerId,
    pub vehicle_id: VehicleId,
    pub title: String,
    pub description: Option<String>,
    pub status: JobStatus,
    #[sqlx(try_from = "String")]
    #[serde(deserialize_with = "crate::db::json::text")]
    #[schema(value_type = Vec<LineItem>)]
    pub line_items: LineItems,
    /// The shop's ISO 4217 currency code; every amount is in its minor units.
    #[schema(example = "USD")]
    pub currency: String,
    /// Sum of the line items' amounts, before tax (tax is applied on the invoice).
    pub subtotal: i64,
    /// `true` for production data (live keys), `false` for sandbox data (test keys).
    #[serde(deserialize_with = "crate::db::json::flag")]
    pub livemode: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the job last moved to `in-progress`.
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

/// A new job. It starts `pending`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::create)]
pub struct CreateJob {
    pub customer_id: CustomerId,
    /// One of the customer's vehicles.
    pub vehicle_id: VehicleId,
    #[schema(inline)]
    pub title: NonBlankLine<200>,
    #[schema(inline)]
    pub description: Option<MultiLine<5000>>,
    /// Defaults to the customer's location.
    pub location_id: Option<LocationId>,
    /// Up to 100 lines.
    #[serde(default)]
    #[schema(inline)]
    pub line_items: NewLineItems,
}

/// A partial update of a `pending` or `in-progress` job: only the fields sent change, and
/// `line_items`, when sent, replaces all lines. The status changes through
/// `POST /jobs/{id}/status`, not here.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::update)]
pub struct UpdateJob {
    #[schema(inline)]
    pub title: Option<NonBlankLine<200>>,
    /// `null` or `""` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<MultiLine<5000>>)]
    pub description: Option<Option<MultiLine<5000>>>,
    /// Another vehicle of the same customer.
    pub vehicle_id: Option<VehicleId>,
    pub location_id: Option<LocationId>,
    /// Replaces every line; up to 100.
    #[schema(inline)]
    pub line_items: Option<NewLineItems>,
}

/// A move on the board.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::status_change)]
pub struct ChangeJobStatus {
    pub status: JobStatus,
}

/// Filters and paging for `GET /jobs`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListJobs {
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
    /// Only jobs in this status.
    #[param(inline)]
    pub status: Option<JobStatus>,
    pub customer_id: Option<CustomerId>,
    pub vehicle_id: Option<VehicleId>,
    pub location_id: Option<LocationId>,
}

list_type!(
    /// A page of jobs, newest first.
    #[schema(example = examples::list)]
    JobList,
    Job
);
