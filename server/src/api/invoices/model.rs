use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::examples;
use crate::api::line_items::{LineItem, LineItems, NewLineItems};
use crate::core::bounded::Int;
use crate::core::bounded::{Limit, Offset};
use crate::core::ids::{CustomerId, InvoiceId, JobId, LocationId, VehicleId};
use crate::core::text::MultiLine;
use crate::core::time::Timestamp;
use crate::core::validate::nullable;
use crate::http::body_rules;
use crate::http::pagination::list_type;

/// `draft → sent → paid`; `draft` or `sent` invoices can be `void`ed. Only drafts can be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "text", rename_all = "lowercase")]
pub enum InvoiceStatus {
    Draft,
    Sent,
    Paid,
    Void,
}

impl InvoiceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceStatus::Draft => "draft",
            InvoiceStatus::Sent => "sent",
            InvoiceStatus::Paid => "paid",
            InvoiceStatus::Void => "void",
        }
    }

    /// The moves an invoice can make: a draft is sent (and a sent invoice sent again), a sent
    /// invoice is paid, and a draft or sent invoice is voided. Paid and void are final.
    pub fn can_move_to(self, to: InvoiceStatus) -> bool {
        use InvoiceStatus::*;
        matches!(
            (self, to),
            (Draft | Sent, Sent) | (Sent, Paid) | (Draft | Sent, Void)
        )
    }
}

impl std::fmt::Display for InvoiceStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an invoice was paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum PaymentMethod {
    Cash,
    Card,
    Check,
    BankTransfer,
    Other,
}

/// An invoice to a customer. Totals are computed by the server in integer minor units of
/// `currency`: each line's amount, their `subtotal`, `tax` = `subtotal × tax_rate_bps / 10000`
/// rounded half up to the minor unit, and `total` = `subtotal + tax`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
#[schema(example = examples::invoice)]
pub struct Invoice {
    pub id: InvoiceId,
    /// The job's location, or the customer's for a standalone invoice.
    pub location_id: LocationId,
    pub customer_id: CustomerId,
    pub vehicle_id: Option<VehicleId>,
    /// The job the lines were copied from; `null` for a standalone invoice (or a deleted job).
    pub job_id: Option<JobId>,
    pub status: InvoiceStatus,
    #[sqlx(try_from = "String")]
    #[serde(deserialize_with = "crate::db::json::text")]
    #[schema(value_type = Vec<LineItem>)]
    pub line_items: LineItems,
    /// ISO 4217 code; every amount is in its minor units.
    #[schema(example = "USD")]
    pub currency: String,
    /// The shop's tax rate when the invoice was created, in basis points (825 = 8.25 %).
    pub tax_rate_bps: i64,
    pub subtotal: i64,
    pub tax: i64,
    pub total: i64,
    pub notes: Option<String>,
    /// The address the invoice was last emailed to.
    pub sent_to: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    /// The `Message-ID` of the last invoice email.
    pub message_id: Option<String>,
    /// A signed link to the invoice's PDF that needs no API key, made fresh with each response
    /// and valid until `pdf_url_expires_at`. `null` until the invoice is first sent.
    #[sqlx(skip)]
    pub pdf_url: Option<String>,
    #[sqlx(skip)]
    pub pdf_url_expires_at: Option<DateTime<Utc>>,
    pub paid_at: Option<DateTime<Utc>>,
    /// In minor units; equals `total`.
    pub amount_paid: Option<i64>,
    pub payment_method: Option<PaymentMethod>,
    pub voided_at: Option<DateTime<Utc>>,
    /// `true` for production data (live keys), `false` for sandbox data (test keys).
    #[serde(deserialize_with = "crate::db::json::flag")]
    pub livemode: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new draft invoice: either from a job (`job_id` alone: the job's customer, vehicle and
/// lines are copied) or standalone (`customer_id`, optionally `vehicle_id` and `line_items`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::create_from_job)]
pub struct CreateInvoice {
    /// Invoice this job: copies its customer, vehicle, location and line items.
    pub job_id: Option<JobId>,
    /// Standalone invoices only.
    pub customer_id: Option<CustomerId>,
    /// Standalone invoices only: one of the customer's vehicles.
    pub vehicle_id: Option<VehicleId>,
    /// Standalone invoices only: up to 100 lines.
    #[schema(inline)]
    pub line_items: Option<NewLineItems>,
    /// Printed on the PDF.
    #[schema(inline)]
    pub notes: Option<MultiLine<2000>>,
}

/// `job_id` alone, or `customer_id` with optionally `vehicle_id` and `line_items`.
pub fn create_rules() -> Vec<serde_json::Value> {
    vec![body_rules::if_then_else(
        body_rules::given("job_id"),
        body_rules::left_out(&["customer_id", "vehicle_id", "line_items"]),
        body_rules::given("customer_id"),
    )]
}

/// A partial update of a draft invoice: only the fields sent change; `line_items`, when sent,
/// replaces all lines and the totals are recomputed.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::update)]
pub struct UpdateInvoice {
    /// `null` or `""` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(inline, value_type = Option<MultiLine<2000>>)]
    pub notes: Option<Option<MultiLine<2000>>>,
    /// Replaces every line; up to 100.
    #[schema(inline)]
    pub line_items: Option<NewLineItems>,
}

/// A payment that settles a sent invoice in full.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = examples::pay)]
pub struct PayInvoice {
    /// In minor units; must equal the invoice's `total` (partial payments are not supported).
    #[schema(inline)]
    pub amount: Int<0, 1_000_000_000_000_000>,
    pub method: PaymentMethod,
    /// When the money was received; defaults to now and cannot be in the future.
    #[schema(inline)]
    pub paid_at: Option<Timestamp>,
}

/// Filters and paging for `GET /invoices`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListInvoices {
    /// Page size, 1 to 100 (default 50).
    #[param(inline, example = 50)]
    pub limit: Option<Limit>,
    /// How many results to skip (default 0).
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
    /// Only invoices in this status.
    #[param(inline)]
    pub status: Option<InvoiceStatus>,
    pub customer_id: Option<CustomerId>,
    pub job_id: Option<JobId>,
    pub location_id: Option<LocationId>,
}

list_type!(
    /// A page of invoices, newest first.
    #[schema(example = examples::list)]
    InvoiceList,
    Invoice
);
