//! Rows of `idempotency_keys`: claimed when a request starts, filled with its response when it
//! ends, released when it fails on our side.

use crate::db::{self, Db};
use chrono::{DateTime, Utc};

use crate::core::ids::ApiKeyId;
use crate::core::time;

/// How long a key's response is replayed.
pub const RETENTION: chrono::Duration = chrono::Duration::hours(24);

#[derive(sqlx::FromRow)]
pub struct Stored {
    pub fingerprint: String,
    /// `None` while the first request is still being handled.
    pub status: Option<i32>,
    /// JSON object of the response headers worth replaying.
    pub headers: Option<String>,
    pub body: Option<Vec<u8>>,
}

pub enum Claim {
    /// The key is new (or expired): this request runs and its response is kept.
    Fresh,
    Existing(Stored),
}

pub async fn claim(
    db: &Db,
    api_key: &ApiKeyId,
    key: &str,
    fingerprint: &str,
) -> sqlx::Result<Claim> {
    let now = time::now();
    db::query("DELETE FROM idempotency_keys WHERE created_at < $1")
        .bind(expiry(now))
        .execute(db)
        .await?;
    let inserted = db::query(
        "INSERT INTO idempotency_keys (api_key_id, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING",
    )
    .bind(api_key)
    .bind(key)
    .bind(fingerprint)
    .bind(now)
    .execute(db)
    .await?;
    if inserted == 1 {
        return Ok(Claim::Fresh);
    }
    let stored: Option<Stored> = db::query(
        "SELECT fingerprint, status, headers, body FROM idempotency_keys
         WHERE api_key_id = $1 AND key = $2",
    )
    .bind(api_key)
    .bind(key)
    .fetch_optional(db)
    .await?;
    // Gone between the insert and the read: the first request failed and released it.
    Ok(stored.map_or(Claim::Fresh, Claim::Existing))
}

pub async fn finish(
    db: &Db,
    api_key: &ApiKeyId,
    key: &str,
    status: u16,
    headers: &str,
    body: &[u8],
) -> sqlx::Result<()> {
    db::query(
        "UPDATE idempotency_keys SET status = $1, headers = $2, body = $3 WHERE api_key_id = $4 AND key = $5",
    )
    .bind(i32::from(status))
    .bind(headers)
    .bind(body)
    .bind(api_key)
    .bind(key)
    .execute(db)
    .await
    .map(drop)
}

pub async fn release(db: &Db, api_key: &ApiKeyId, key: &str) -> sqlx::Result<()> {
    db::query("DELETE FROM idempotency_keys WHERE api_key_id = $1 AND key = $2 AND status IS NULL")
        .bind(api_key)
        .bind(key)
        .execute(db)
        .await
        .map(drop)
}

fn expiry(now: DateTime<Utc>) -> DateTime<Utc> {
    now - RETENTION
}
