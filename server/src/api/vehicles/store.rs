//! Vehicle rows. A vehicle is visible to a caller exactly when its customer is.

use crate::db::{Conn, Db};

use super::model::Vehicle;
use crate::auth::Caller;
use crate::core::ids::{CustomerId, VehicleId};
use crate::db;
use crate::http::pagination::Page;

const COLUMNS: &str =
    "v.id, v.customer_id, v.vin, v.year, v.make, v.model, v.trim, v.license_plate, v.color,
                       v.mileage, v.livemode, v.created_at, v.updated_at";

pub async fn insert(conn: &mut Conn, caller: &Caller, vehicle: &Vehicle) -> sqlx::Result<()> {
    db::query(
        "INSERT INTO vehicles (id, shop_id, livemode, customer_id, vin, year, make, model, trim, license_plate,
                               color, mileage, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
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
    conn: &mut Conn,
    caller: &Caller,
    id: &VehicleId,
) -> sqlx::Result<Option<Vehicle>> {
    let lock = conn.row_lock();
    db::query(format!(
        "SELECT {COLUMNS} FROM vehicles v JOIN customers c ON c.id = v.customer_id
         WHERE v.id = $1 AND v.shop_id = $2 AND v.livemode = $3 AND ($4 IS NULL OR c.location_id = $4){lock}"
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
    db: &Db,
    customer: &CustomerId,
    page: Page,
) -> sqlx::Result<(Vec<Vehicle>, i64)> {
    db::Listing::new("vehicles v", "v.customer_id = $1")
        .bind(customer)
        .page(db, COLUMNS, "v.id DESC", page)
        .await
}

pub async fn update(conn: &mut Conn, vehicle: &Vehicle) -> sqlx::Result<()> {
    db::query(
        "UPDATE vehicles SET vin = $1, year = $2, make = $3, model = $4, trim = $5, license_plate = $6, color = $7,
                             mileage = $8, updated_at = $9
         WHERE id = $10",
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

pub async fn delete(conn: &mut Conn, id: &VehicleId) -> sqlx::Result<()> {
    db::query("DELETE FROM vehicles WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
}
