//! Invoice rows and their stored PDFs. Every query is scoped to the caller's shop, mode and (if
//! limited) location, except the PDF read behind a signed link, which the signature authorizes.

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::model::{Invoice, InvoiceStatus};
use crate::auth::Caller;
use crate::core::ids::{CustomerId, InvoiceId, JobId, LocationId};
use crate::db;
use crate::http::pagination::Page;

const COLUMNS: &str = "id, location_id, customer_id, vehicle_id, job_id, status, line_items, currency,
                       tax_rate_bps, subtotal, tax, total, notes, sent_to, sent_at, email_message_id,
                       paid_at, amount_paid, payment_method, voided_at, livemode, created_at, updated_at";

pub async fn insert(
    conn: &mut SqliteConnection,
    caller: &Caller,
    invoice: &Invoice,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO invoices (id, shop_id, livemode, location_id, customer_id, vehicle_id, job_id, status,
                               line_items, currency, tax_rate_bps, subtotal, tax, total, notes, created_at,
                               updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&invoice.id)
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .bind(&invoice.location_id)
    .bind(&invoice.customer_id)
    .bind(&invoice.vehicle_id)
    .bind(&invoice.job_id)
    .bind(invoice.status)
    .bind(invoice.line_items.encode())
    .bind(&invoice.currency)
    .bind(invoice.tax_rate_bps)
    .bind(invoice.subtotal)
    .bind(invoice.tax)
    .bind(invoice.total)
    .bind(&invoice.notes)
    .bind(invoice.created_at)
    .bind(invoice.updated_at)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn get(
    conn: &mut SqliteConnection,
    caller: &Caller,
    id: &InvoiceId,
) -> sqlx::Result<Option<Invoice>> {
    db::get_visible(conn, caller, "invoices", COLUMNS, id).await
}

pub struct Filter<'a> {
    pub status: Option<InvoiceStatus>,
    pub customer_id: Option<&'a CustomerId>,
    pub job_id: Option<&'a JobId>,
    pub location_id: Option<&'a LocationId>,
}

pub async fn list(
    db: &SqlitePool,
    caller: &Caller,
    filter: Filter<'_>,
    page: Page,
) -> sqlx::Result<(Vec<Invoice>, i64)> {
    let condition = "(?4 IS NULL OR status = ?4)
        AND (?5 IS NULL OR customer_id = ?5)
        AND (?6 IS NULL OR job_id = ?6)
        AND (?7 IS NULL OR location_id = ?7)";
    db::Listing::visible("invoices", caller, condition)
        .bind(filter.status)
        .bind(filter.customer_id)
        .bind(filter.job_id)
        .bind(filter.location_id)
        .page(&mut *db.acquire().await?, COLUMNS, "id DESC", page)
        .await
}

/// Writes every field that can change after creation.
pub async fn update(conn: &mut SqliteConnection, invoice: &Invoice) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE invoices SET status = ?, line_items = ?, subtotal = ?, tax = ?, total = ?, notes = ?, sent_to = ?,
                             sent_at = ?, email_message_id = ?, paid_at = ?, amount_paid = ?, payment_method = ?,
                             voided_at = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(invoice.status)
    .bind(invoice.line_items.encode())
    .bind(invoice.subtotal)
    .bind(invoice.tax)
    .bind(invoice.total)
    .bind(&invoice.notes)
    .bind(&invoice.sent_to)
    .bind(invoice.sent_at)
    .bind(&invoice.message_id)
    .bind(invoice.paid_at)
    .bind(invoice.amount_paid)
    .bind(invoice.payment_method)
    .bind(invoice.voided_at)
    .bind(invoice.updated_at)
    .bind(&invoice.id)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn save_pdf(
    conn: &mut SqliteConnection,
    id: &InvoiceId,
    pdf: &[u8],
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO invoice_pdfs (invoice_id, pdf, created_at) VALUES (?, ?, ?)
         ON CONFLICT (invoice_id) DO UPDATE SET pdf = excluded.pdf, created_at = excluded.created_at",
    )
    .bind(id)
    .bind(pdf)
    .bind(at)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn pdf(db: &SqlitePool, id: &InvoiceId) -> sqlx::Result<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT pdf FROM invoice_pdfs WHERE invoice_id = ?")
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Who the PDF is from: the shop's name and the invoice location's address.
#[derive(sqlx::FromRow)]
pub struct Letterhead {
    pub shop_name: String,
    pub location_name: String,
    pub address: String,
}

pub async fn letterhead(
    conn: &mut SqliteConnection,
    location: &LocationId,
) -> sqlx::Result<Letterhead> {
    sqlx::query_as(
        "SELECT s.name AS shop_name, l.name AS location_name,
                CASE WHEN l.address <> '' THEN l.address ELSE s.address END AS address
         FROM locations l JOIN shops s ON s.id = l.shop_id WHERE l.id = ?",
    )
    .bind(location)
    .fetch_one(conn)
    .await
}
