//! Rows of `idempotency_keys`: claimed when a request starts, filled with its response when it
//! ends, released when it fails on our side.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::core::ids::ApiKeyId;
use crate::core::time;

/// How long a key's response is replayed.
pub const RETENTION: chrono::Duration = chrono::Duration::hours(24);

#[derive(sqlx::FromRow)]
pub struct Stored {
    pub fingerprint: String,
    /// `None` while the first request is still being handled.
    pub status: Option<u16>,
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
    db: &SqlitePool,
    api_key: &ApiKeyId,
    key: &str,
    fingerprint: &str,
) -> sqlx::Result<Claim> {
    let now = time::now();
    sqlx::query("DELETE FROM idempotency_keys WHERE created_at < ?")
        .bind(expiry(now))
        .execute(db)
        .await?;
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (api_key_id, key, fingerprint, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING",
    )
    .bind(api_key)
    .bind(key)
    .bind(fingerprint)
    .bind(now)
    .execute(db)
    .await?;
    if inserted.rows_affected() == 1 {
        return Ok(Claim::Fresh);
    }
    let stored: Option<Stored> = sqlx::query_as(
        "SELECT fingerprint, status, headers, body FROM idempotency_keys
         WHERE api_key_id = ? AND key = ?",
    )
    .bind(api_key)
    .bind(key)
    .fetch_optional(db)
    .await?;
    // Gone between the insert and the read: the first request failed and released it.
    Ok(stored.map_or(Claim::Fresh, Claim::Existing))
}

pub async fn finish(
    db: &SqlitePool,
    api_key: &ApiKeyId,
    key: &str,
    status: u16,
    headers: &str,
    body: &[u8],
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE idempotency_keys SET status = ?, headers = ?, body = ? WHERE api_key_id = ? AND key = ?",
    )
    .bind(status)
    .bind(headers)
    .bind(body)
    .bind(api_key)
    .bind(key)
    .execute(db)
    .await
    .map(drop)
}

pub async fn release(db: &SqlitePool, api_key: &ApiKeyId, key: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM idempotency_keys WHERE api_key_id = ? AND key = ? AND status IS NULL")
        .bind(api_key)
        .bind(key)
        .execute(db)
        .await
        .map(drop)
}

fn expiry(now: DateTime<Utc>) -> DateTime<Utc> {
    now - RETENTION
}
