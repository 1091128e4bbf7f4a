//! API key rows. Only the digest of a secret is stored.

use crate::db::{Conn, Db};
use chrono::{DateTime, Utc};

use super::model::{ApiKey, CreatedApiKey};
use crate::auth::{Mode, Scope, scopes, secret};
use crate::core::ids::{ApiKeyId, LocationId, ShopId};
use crate::db;
use crate::http::pagination::Page;

#[derive(sqlx::FromRow, serde::Deserialize)]
struct Row {
    id: ApiKeyId,
    name: String,
    mode: Mode,
    redacted: String,
    scopes: String,
    location_id: Option<LocationId>,
    created_at: DateTime<Utc>,
    last_used_at: Option<DateTime<Utc>>,
}

impl From<Row> for ApiKey {
    fn from(row: Row) -> Self {
        ApiKey {
            id: row.id,
            name: row.name,
            mode: row.mode,
            redacted: row.redacted,
            scopes: scopes::decode_column(&row.scopes),
            location_id: row.location_id,
            created_at: row.created_at,
            last_used_at: row.last_used_at,
        }
    }
}

/// What a new key is: everything but its id and secret, which minting makes.
pub struct NewKey<'a> {
    pub shop_id: &'a ShopId,
    pub mode: Mode,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub location_id: Option<LocationId>,
}

/// Mints the key, created `now`.
pub async fn mint(
    conn: &mut Conn,
    new: NewKey<'_>,
    now: DateTime<Utc>,
) -> sqlx::Result<CreatedApiKey> {
    let secret = secret::generate(new.mode);
    let key = ApiKey {
        id: ApiKeyId::generate(),
        name: new.name,
        mode: new.mode,
        redacted: secret::redact(&secret),
        scopes: new.scopes,
        location_id: new.location_id,
        created_at: now,
        last_used_at: None,
    };
    db::query(
        "INSERT INTO api_keys (id, shop_id, mode, name, secret_hash, redacted, scopes, location_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&key.id)
    .bind(new.shop_id)
    .bind(key.mode)
    .bind(&key.name)
    .bind(secret::digest(&secret))
    .bind(&key.redacted)
    .bind(scopes::encode_column(&key.scopes))
    .bind(&key.location_id)
    .bind(key.created_at)
    .execute(conn)
    .await?;
    Ok(CreatedApiKey { key, secret })
}

/// Keys of a shop and mode, limited to one location when `location` is set.
pub async fn list(
    pool: &Db,
    shop: &ShopId,
    mode: Mode,
    location: Option<&LocationId>,
    page: Page,
) -> sqlx::Result<(Vec<ApiKey>, i64)> {
    let condition =
        "shop_id = $1 AND mode = $2 AND revoked_at IS NULL AND ($3 IS NULL OR location_id = $3)";
    let (rows, total) = db::Listing::new("api_keys", condition)
        .bind(shop)
        .bind(mode)
        .bind(location)
        .page::<Row>(
            pool,
            "id, name, mode, redacted, scopes, location_id, created_at, last_used_at",
            "id DESC",
            page,
        )
        .await?;
    Ok((rows.into_iter().map(ApiKey::from).collect(), total))
}

/// Revokes a key of the shop and mode (and location, when set) as of `now`; false when there is
/// none.
pub async fn revoke(
    conn: &mut Conn,
    now: DateTime<Utc>,
    shop: &ShopId,
    mode: Mode,
    location: Option<&LocationId>,
    id: &ApiKeyId,
) -> sqlx::Result<bool> {
    let result = db::query(
        "UPDATE api_keys SET revoked_at = $1
         WHERE id = $2 AND shop_id = $3 AND mode = $4 AND revoked_at IS NULL AND ($5 IS NULL OR location_id = $5)",
    )
    .bind(now)
    .bind(id)
    .bind(shop)
    .bind(mode)
    .bind(location)
    .execute(conn)
    .await?;
    Ok(result == 1)
}
