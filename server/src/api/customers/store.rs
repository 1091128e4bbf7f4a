//! Customer rows. Every query is scoped to the caller's shop, mode and (if limited) location.

use crate::db::{Conn, Db, Engine};

use super::model::Customer;
use crate::auth::Caller;
use crate::core::ids::{CustomerId, LocationId};
use crate::core::validate::digits;
use crate::db;
use crate::http::pagination::Page;

const COLUMNS: &str =
    "id, location_id, name, email, phone, notes, livemode, created_at, updated_at";

pub async fn insert(conn: &mut Conn, caller: &Caller, customer: &Customer) -> sqlx::Result<()> {
    db::query(
        "INSERT INTO customers (id, shop_id, livemode, location_id, name, email, phone, phone_digits, notes,
                                created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&customer.id)
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .bind(&customer.location_id)
    .bind(&customer.name)
    .bind(&customer.email)
    .bind(&customer.phone)
    .bind(customer.phone.as_deref().map(digits).unwrap_or_default())
    .bind(&customer.notes)
    .bind(customer.created_at)
    .bind(customer.updated_at)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn get(
    conn: &mut Conn,
    caller: &Caller,
    id: &CustomerId,
) -> sqlx::Result<Option<Customer>> {
    db::get_visible(conn, caller, "customers", COLUMNS, id).await
}

pub struct Filter<'a> {
    pub q: Option<&'a str>,
    pub location_id: Option<&'a LocationId>,
}

pub async fn list(
    db: &Db,
    caller: &Caller,
    filter: Filter<'_>,
    page: Page,
) -> sqlx::Result<(Vec<Customer>, i64)> {
    // LIKE wildcards in the user's text are escaped so `%` and `_` match themselves.
    let pattern = filter.q.map(|q| {
        format!(
            "%{}%",
            q.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        )
    });
    let digit_pattern = filter
        .q
        .map(digits)
        .filter(|d| !d.is_empty())
        .map(|d| format!("%{d}%"));
    // Case-insensitive matching: SQLite's LIKE is (for ASCII), PostgreSQL's ILIKE is.
    let like = match db.engine() {
        Engine::Sqlite => "LIKE",
        Engine::Postgres => "ILIKE",
    };
    let condition = format!(
        "($4 IS NULL OR location_id = $4)
         AND ($5 IS NULL OR name {like} $5 ESCAPE '\\' OR email {like} $5 ESCAPE '\\'
              OR phone {like} $5 ESCAPE '\\' OR ($6 IS NOT NULL AND phone_digits LIKE $6))"
    );
    db::Listing::visible("customers", caller, &condition)
        .bind(filter.location_id)
        .bind(pattern)
        .bind(digit_pattern)
        .page(db, COLUMNS, "id DESC", page)
        .await
}

pub async fn update(conn: &mut Conn, customer: &Customer) -> sqlx::Result<()> {
    db::query(
        "UPDATE customers SET location_id = $1, name = $2, email = $3, phone = $4, phone_digits = $5, notes = $6,
                              updated_at = $7
         WHERE id = $8",
    )
    .bind(&customer.location_id)
    .bind(&customer.name)
    .bind(&customer.email)
    .bind(&customer.phone)
    .bind(customer.phone.as_deref().map(digits).unwrap_or_default())
    .bind(&customer.notes)
    .bind(customer.updated_at)
    .bind(&customer.id)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn delete(conn: &mut Conn, id: &CustomerId) -> sqlx::Result<()> {
    db::query("DELETE FROM customers WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
}
