//! Job rows. Every query is scoped to the caller's shop, mode and (if limited) location.

use crate::db::{Conn, Db};

use super::model::{Job, JobStatus};
use crate::auth::Caller;
use crate::core::ids::{CustomerId, JobId, LocationId, VehicleId};
use crate::db;
use crate::http::pagination::Page;

const COLUMNS: &str = "id, location_id, customer_id, vehicle_id, title, description, status, line_items,
                       currency, subtotal, livemode, created_at, updated_at, started_at, completed_at,
                       cancelled_at";

pub async fn insert(conn: &mut Conn, caller: &Caller, job: &Job) -> sqlx::Result<()> {
    db::query(
        "INSERT INTO jobs (id, shop_id, livemode, location_id, customer_id, vehicle_id, title, description,
                           status, line_items, currency, subtotal, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&job.id)
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .bind(&job.location_id)
    .bind(&job.customer_id)
    .bind(&job.vehicle_id)
    .bind(&job.title)
    .bind(&job.description)
    .bind(job.status)
    .bind(job.line_items.encode())
    .bind(&job.currency)
    .bind(job.subtotal)
    .bind(job.created_at)
    .bind(job.updated_at)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn get(conn: &mut Conn, caller: &Caller, id: &JobId) -> sqlx::Result<Option<Job>> {
    db::get_visible(conn, caller, "jobs", COLUMNS, id).await
}

pub struct Filter<'a> {
    pub status: Option<JobStatus>,
    pub customer_id: Option<&'a CustomerId>,
    pub vehicle_id: Option<&'a VehicleId>,
    pub location_id: Option<&'a LocationId>,
}

pub async fn list(
    db: &Db,
    caller: &Caller,
    filter: Filter<'_>,
    page: Page,
) -> sqlx::Result<(Vec<Job>, i64)> {
    let condition = "($4 IS NULL OR status = $4)
        AND ($5 IS NULL OR customer_id = $5)
        AND ($6 IS NULL OR vehicle_id = $6)
        AND ($7 IS NULL OR location_id = $7)";
    db::Listing::visible("jobs", caller, condition)
        .bind(filter.status)
        .bind(filter.customer_id)
        .bind(filter.vehicle_id)
        .bind(filter.location_id)
        .page(db, COLUMNS, "id DESC", page)
        .await
}

pub async fn update(conn: &mut Conn, job: &Job) -> sqlx::Result<()> {
    db::query(
        "UPDATE jobs SET location_id = $1, vehicle_id = $2, title = $3, description = $4, status = $5, line_items = $6,
                         subtotal = $7, updated_at = $8, started_at = $9, completed_at = $10, cancelled_at = $11
         WHERE id = $12",
    )
    .bind(&job.location_id)
    .bind(&job.vehicle_id)
    .bind(&job.title)
    .bind(&job.description)
    .bind(job.status)
    .bind(job.line_items.encode())
    .bind(job.subtotal)
    .bind(job.updated_at)
    .bind(job.started_at)
    .bind(job.completed_at)
    .bind(job.cancelled_at)
    .bind(&job.id)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn delete(conn: &mut Conn, id: &JobId) -> sqlx::Result<()> {
    db::query("DELETE FROM jobs WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
}
