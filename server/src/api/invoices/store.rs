//! Invoice rows and their stored PDFs. Every query is scoped to the caller's shop, mode and (if
//! limited) location, except the PDF read behind a signed link, which the signature authorizes.

use crate::db::{Conn, Db};
use chrono::{DateTime, Utc};

use super::model::{Invoice, InvoiceStatus};
use crate::auth::Caller;
use crate::core::ids::{CustomerId, InvoiceId, JobId, LocationId};
use crate::db;
use crate::http::pagination::Page;

const COLUMNS: &str =
    "id, location_id, customer_id, vehicle_id, job_id, status, line_items, currency,
     tax_rate_bps, subtotal, tax, total, notes, sent_to, sent_at, email_message_id AS message_id,
     paid_at, amount_paid, payment_method, voided_at, livemode, created_at, updated_at";

pub async fn insert(conn: &mut Conn, caller: &Caller, invoice: &Invoice) -> sqlx::Result<()> {
    db::query(
        "INSERT INTO invoices (id, shop_id, livemode, location_id, customer_id, vehicle_id, job_id, status,
                               line_items, currency, tax_rate_bps, subtotal, tax, total, notes, created_at,
                               updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
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
    conn: &mut Conn,
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
    db: &Db,
    caller: &Caller,
    filter: Filter<'_>,
    page: Page,
) -> sqlx::Result<(Vec<Invoice>, i64)> {
    let condition = "($4 IS NULL OR status = $4)
        AND ($5 IS NULL OR customer_id = $5)
        AND ($6 IS NULL OR job_id = $6)
        AND ($7 IS NULL OR location_id = $7)";
    db::Listing::visible("invoices", caller, condition)
        .bind(filter.status)
        .bind(filter.customer_id)
        .bind(filter.job_id)
        .bind(filter.location_id)
        .page(db, COLUMNS, "id DESC", page)
        .await
}

/// Writes every field that can change after creation.
pub async fn update(conn: &mut Conn, invoice: &Invoice) -> sqlx::Result<()> {
    db::query(
        "UPDATE invoices SET status = $1, line_items = $2, subtotal = $3, tax = $4, total = $5, notes = $6, sent_to = $7,
                             sent_at = $8, email_message_id = $9, paid_at = $10, amount_paid = $11, payment_method = $12,
                             voided_at = $13, updated_at = $14
         WHERE id = $15",
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
    conn: &mut Conn,
    id: &InvoiceId,
    pdf: &[u8],
    at: DateTime<Utc>,
) -> sqlx::Result<()> {
    db::query(
        "INSERT INTO invoice_pdfs (invoice_id, pdf, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (invoice_id) DO UPDATE SET pdf = excluded.pdf, created_at = excluded.created_at",
    )
    .bind(id)
    .bind(pdf)
    .bind(at)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn pdf(db: &Db, id: &InvoiceId) -> sqlx::Result<Option<Vec<u8>>> {
    db::query("SELECT pdf FROM invoice_pdfs WHERE invoice_id = $1")
        .bind(id)
        .fetch_optional_scalar(db)
        .await
}

/// Who the PDF is from: the shop's name and the invoice location's address.
#[derive(sqlx::FromRow)]
pub struct Letterhead {
    pub shop_name: String,
    pub location_name: String,
    pub address: String,
}

pub async fn letterhead(conn: &mut Conn, location: &LocationId) -> sqlx::Result<Letterhead> {
    db::query(
        "SELECT s.name AS shop_name, l.name AS location_name,
                CASE WHEN l.address <> '' THEN l.address ELSE s.address END AS address
         FROM locations l JOIN shops s ON s.id = l.shop_id WHERE l.id = $1",
    )
    .bind(location)
    .fetch_one(conn)
    .await
}
