//! Vehicle rows. A vehicle is visible to a caller exactly when its customer is.

use sqlx::{SqliteConnection, SqlitePool};

use super::model::Vehicle;
use crate::auth::Caller;
use crate::core::ids::{CustomerId, VehicleId};
use crate::db;
use crate::http::pagination::Page;

const COLUMNS: &str =
    "v.id, v.customer_id, v.vin, v.year, v.make, v.model, v.trim, v.license_plate, v.color,
                       v.mileage, v.livemode, v.created_at, v.updated_at";

pub async fn insert(
    conn: &mut SqliteConnection,
    caller: &Caller,
    vehicle: &Vehicle,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO vehicles (id, shop_id, livemode, customer_id, vin, year, make, model, trim, license_plate,
                               color, mileage, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&vehicle.id)
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .bind(&vehicle.customer_id)
    .bind(&vehicle.vin)
    .bind(vehicle.year)
    .bind(&vehicle.make)
    .bind(&vehicle.model)
    .bind(&vehicle.trim)
    .bind(&vehicle.license_plate)
    .bind(&vehicle.color)
    .bind(vehicle.mileage)
    .bind(vehicle.created_at)
    .bind(vehicle.updated_at)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn get(
    conn: &mut SqliteConnection,
    caller: &Caller,
    id: &VehicleId,
) -> sqlx::Result<Option<Vehicle>> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM vehicles v JOIN customers c ON c.id = v.customer_id
         WHERE v.id = ? AND v.shop_id = ? AND v.livemode = ? AND (?4 IS NULL OR c.location_id = ?4)"
    ))
    .bind(id)
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .bind(&caller.location_id)
    .fetch_optional(conn)
    .await
}

/// The customer's vehicles; the caller has already been shown to see the customer.
pub async fn list_for_customer(
    db: &SqlitePool,
    customer: &CustomerId,
    page: Page,
) -> sqlx::Result<(Vec<Vehicle>, i64)> {
    db::Listing::new("vehicles v", "v.customer_id = ?1")
        .bind(customer)
        .page(&mut *db.acquire().await?, COLUMNS, "v.id DESC", page)
        .await
}

pub async fn update(conn: &mut SqliteConnection, vehicle: &Vehicle) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE vehicles SET vin = ?, year = ?, make = ?, model = ?, trim = ?, license_plate = ?, color = ?,
                             mileage = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&vehicle.vin)
    .bind(vehicle.year)
    .bind(&vehicle.make)
    .bind(&vehicle.model)
    .bind(&vehicle.trim)
    .bind(&vehicle.license_plate)
    .bind(&vehicle.color)
    .bind(vehicle.mileage)
    .bind(vehicle.updated_at)
    .bind(&vehicle.id)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn delete(conn: &mut SqliteConnection, id: &VehicleId) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM vehicles WHERE id = ?")
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
}
