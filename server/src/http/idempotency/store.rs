//! Rows of `idempotency_keys`: claimed under a lease when a request starts, renewed while it
//! runs, filled with its response when it ends, released when it fails on our side. A claim
//! whose lease lapsed (its process died) is taken over by the next request with the key. The
//! same statements on both engines: replicas on one PostgreSQL share the keys, and the primary
//! key decides which of two requests arriving at once holds one.

use chrono::{DateTime, Utc};

use crate::core::ids::ApiKeyId;
use crate::core::time;
use crate::db::{self, Db};

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
    /// This request holds the key (new, expired, or abandoned by a dead process): it runs and
    /// its response is kept.
    Held,
    Existing(Stored),
}

/// Who holds a claim, and for how long at a time.
pub struct Holder<'a> {
    /// `{process instance}.{claim}`: unique to one request.
    pub owner: &'a str,
    pub lease: std::time::Duration,
}

pub async fn claim(
    db: &Db,
    api_key: &ApiKeyId,
    key: &str,
    fingerprint: &str,
    holder: &Holder<'_>,
) -> sqlx::Result<Claim> {
    let now = time::now();
    db::query("DELETE FROM idempotency_keys WHERE created_at < $1")
        .bind(expiry(now))
        .execute(db)
        .await?;
    let lease_expires = now.timestamp_millis() + holder.lease.as_millis() as i64;
    // Another request may release or finish the key between these statements; two rounds
    // settle it.
    for _ in 0..2 {
        let inserted = db::query(
            "INSERT INTO idempotency_keys (api_key_id, key, fingerprint, created_at, owner,
                                           lease_expires_ms)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT DO NOTHING",
        )
        .bind(api_key)
        .bind(key)
        .bind(fingerprint)
        .bind(now)
        .bind(holder.owner)
        .bind(lease_expires)
        .execute(db)
        .await?;
        if inserted == 1 {
            return Ok(Claim::Held);
        }
        // A claim for the same request whose lease has lapsed: its process died mid-request.
        let taken = db::query(
            "UPDATE idempotency_keys SET owner = $1, lease_expires_ms = $2, created_at = $3
             WHERE api_key_id = $4 AND key = $5 AND fingerprint = $6 AND status IS NULL
               AND (lease_expires_ms IS NULL OR lease_expires_ms < $7)",
        )
        .bind(holder.owner)
        .bind(lease_expires)
        .bind(now)
        .bind(api_key)
        .bind(key)
        .bind(fingerprint)
        .bind(now.timestamp_millis())
        .execute(db)
        .await?;
        if taken == 1 {
            tracing::info!(%api_key, "took over an idempotency key abandoned by a dead process");
            return Ok(Claim::Held);
        }
        let stored: Option<Stored> = db::query(
            "SELECT fingerprint, status, headers, body FROM idempotency_keys
             WHERE api_key_id = $1 AND key = $2",
        )
        .bind(api_key)
        .bind(key)
        .fetch_optional(db)
        .await?;
        if let Some(stored) = stored {
            return Ok(Claim::Existing(stored));
        }
    }
    Err(sqlx::Error::Protocol(
        "an idempotency key kept changing hands while being claimed".into(),
    ))
}

/// Extends a held claim's lease; false when the claim is no longer this holder's.
pub async fn renew(
    db: &Db,
    api_key: &ApiKeyId,
    key: &str,
    holder: &Holder<'_>,
) -> sqlx::Result<bool> {
    let lease_expires = time::now().timestamp_millis() + holder.lease.as_millis() as i64;
    let renewed = db::query(
        "UPDATE idempotency_keys SET lease_expires_ms = $1
         WHERE api_key_id = $2 AND key = $3 AND owner = $4 AND status IS NULL",
    )
    .bind(lease_expires)
    .bind(api_key)
    .bind(key)
    .bind(holder.owner)
    .execute(db)
    .await?;
    Ok(renewed == 1)
}

pub async fn finish(
    db: &Db,
    api_key: &ApiKeyId,
    key: &str,
    owner: &str,
    status: u16,
    headers: &str,
    body: &[u8],
) -> sqlx::Result<()> {
    db::query(
        "UPDATE idempotency_keys
         SET status = $1, headers = $2, body = $3, owner = NULL, lease_expires_ms = NULL
         WHERE api_key_id = $4 AND key = $5 AND owner = $6",
    )
    .bind(i32::from(status))
    .bind(headers)
    .bind(body)
    .bind(api_key)
    .bind(key)
    .bind(owner)
    .execute(db)
    .await
    .map(drop)
}

pub async fn release(db: &Db, api_key: &ApiKeyId, key: &str, owner: &str) -> sqlx::Result<()> {
    db::query(
        "DELETE FROM idempotency_keys
         WHERE api_key_id = $1 AND key = $2 AND owner = $3 AND status IS NULL",
    )
    .bind(api_key)
    .bind(key)
    .bind(owner)
    .execute(db)
    .await
    .map(drop)
}

/// Releases every unfinished claim of the process `instance`: at shutdown, once its requests
/// have ended, so that their retries run at once instead of waiting out a lease.
pub async fn release_instance(db: &Db, instance: &str) -> sqlx::Result<u64> {
    db::query(
        "DELETE FROM idempotency_keys
         WHERE status IS NULL AND substr(owner, 1, length($1) + 1) = $1 || '.'",
    )
    .bind(instance)
    .execute(db)
    .await
}

fn expiry(now: DateTime<Utc>) -> DateTime<Utc> {
    now - RETENTION
}
