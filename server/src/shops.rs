//! Shops and their locations: created by the operator (CLI) rather than over the API.

use crate::db::{self, Db};

use crate::core::ids::{LocationId, ShopId};
use crate::core::time;

pub struct NewShop<'a> {
    pub name: &'a str,
    pub address: &'a str,
    pub tier: &'a str,
    /// `(name, address)` of each location; a shop has at least one.
    pub locations: &'a [(&'a str, &'a str)],
}

pub async fn create(db: &Db, new: NewShop<'_>) -> anyhow::Result<(ShopId, Vec<LocationId>)> {
    anyhow::ensure!(
        !new.locations.is_empty(),
        "a shop needs at least one location"
    );
    anyhow::ensure!(
        ["free", "pro", "enterprise"].contains(&new.tier),
        "tier must be free, pro or enterprise"
    );
    let id = ShopId::generate();
    let now = time::now();
    let mut tx = db.begin().await?;
    db::query(
        "INSERT INTO shops (id, name, address, tier, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(new.name)
    .bind(new.address)
    .bind(new.tier)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let mut locations = Vec::new();
    for (name, address) in new.locations {
        let location = LocationId::generate();
        db::query(
            "INSERT INTO locations (id, shop_id, name, address, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&location)
        .bind(&id)
        .bind(name)
        .bind(address)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        locations.push(location);
    }
    tx.commit().await?;
    Ok((id, locations))
}

/// The shop's locations, oldest first; `None` when there is no such shop.
pub async fn locations(db: &Db, shop: &ShopId) -> sqlx::Result<Option<Vec<LocationId>>> {
    let exists: bool = db::query("SELECT EXISTS (SELECT 1 FROM shops WHERE id = $1)")
        .bind(shop)
        .fetch_scalar(db)
        .await?;
    if !exists {
        return Ok(None);
    }
    db::query("SELECT id FROM locations WHERE shop_id = $1 ORDER BY id")
        .bind(shop)
        .fetch_scalars(db)
        .await
        .map(Some)
}

/// How a shop bills: its ISO 4217 currency and its sales-tax rate in basis points.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Billing {
    pub currency: String,
    pub tax_rate_bps: i64,
}

pub async fn billing(conn: &mut crate::db::Conn, shop: &ShopId) -> sqlx::Result<Billing> {
    db::query("SELECT currency, tax_rate_bps FROM shops WHERE id = $1")
        .bind(shop)
        .fetch_one(conn)
        .await
}

/// Sets the shop's currency and tax rate; invoices created afterwards use them.
pub async fn set_billing(db: &Db, shop: &ShopId, billing: &Billing) -> anyhow::Result<()> {
    anyhow::ensure!(
        billing.currency.len() == 3 && billing.currency.bytes().all(|b| b.is_ascii_uppercase()),
        "currency must be an ISO 4217 code such as USD"
    );
    anyhow::ensure!(
        (0..=10_000).contains(&billing.tax_rate_bps),
        "the tax rate must be 0 to 10000 basis points (0 % to 100 %)"
    );
    let updated = db::query("UPDATE shops SET currency = $1, tax_rate_bps = $2 WHERE id = $3")
        .bind(&billing.currency)
        .bind(billing.tax_rate_bps)
        .bind(shop)
        .execute(db)
        .await?;
    anyhow::ensure!(updated == 1, "no shop {shop}");
    Ok(())
}
