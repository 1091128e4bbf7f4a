//! Signed, expiring links: `?expires=<unix seconds>&signature=<hex HMAC-SHA256>` over the path
//! and the expiry, so a link can be handed to someone without an API key, cannot be guessed, and
//! stops working at its expiry. The key comes from configuration or is generated once and kept
//! in `server_secrets`, so links survive restarts.

use crate::db::{self, Db};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::sync::Arc;
use tokio::sync::OnceCell;

use crate::core::time;

const SECRET_NAME: &str = "link_signing_key";

#[derive(Clone)]
pub struct LinkSigner {
    configured: Option<String>,
    key: Arc<OnceCell<Vec<u8>>>,
}

/// Why a link was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The signature does not match the path and expiry: forged, tampered or truncated.
    BadSignature,
    Expired,
}

impl LinkSigner {
    pub fn new(configured: Option<String>) -> Self {
        Self {
            configured,
            key: Arc::new(OnceCell::new()),
        }
    }

    async fn key(&self, db: &Db) -> sqlx::Result<&[u8]> {
        self.key
            .get_or_try_init(|| async {
                if let Some(secret) = &self.configured {
                    return Ok(secret.as_bytes().to_vec());
                }
                // Read first: handlers may call this while holding the write lock, and only
                // the very first use (never inside a write transaction) has to insert.
                if let Some(stored) = Self::stored(db).await? {
                    return Ok(stored);
                }
                let mut fresh = [0u8; 32];
                rand::rng().fill_bytes(&mut fresh);
                // Whoever inserts first wins; everyone then reads the same key.
                db::query(
                    "INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3)
                     ON CONFLICT DO NOTHING",
                )
                .bind(SECRET_NAME)
                .bind(hex::encode(fresh))
                .bind(time::now())
                .execute(db)
                .await?;
                Self::stored(db).await?.ok_or(sqlx::Error::RowNotFound)
            })
            .await
            .map(Vec::as_slice)
    }

    async fn stored(db: &Db) -> sqlx::Result<Option<Vec<u8>>> {
        let stored: Option<String> = db::query("SELECT value FROM server_secrets WHERE name = $1")
            .bind(SECRET_NAME)
            .fetch_optional_scalar(db)
            .await?;
        Ok(stored.map(|s| hex::decode(&s).unwrap_or_else(|_| s.into_bytes())))
    }

    fn mac(key: &[u8], path: &str, expires: i64) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
        mac.update(format!("{path}\n{expires}").as_bytes());
        mac
    }

    /// The query string that makes `path` valid until `expires`.
    pub async fn sign(&self, db: &Db, path: &str, expires: DateTime<Utc>) -> sqlx::Result<String> {
        let expires = expires.timestamp();
        let signature = Self::mac(self.key(db).await?, path, expires).finalize();
        Ok(format!(
            "expires={expires}&signature={}",
            hex::encode(signature.into_bytes())
        ))
    }

    /// Checks a link's signature (in constant time), then its expiry against `now`.
    pub async fn verify(
        &self,
        db: &Db,
        path: &str,
        expires: i64,
        signature: &str,
        now: DateTime<Utc>,
    ) -> sqlx::Result<Result<(), LinkError>> {
        let Ok(signature) = hex::decode(signature) else {
            return Ok(Err(LinkError::BadSignature));
        };
        let key = self.key(db).await?;
        if Self::mac(key, path, expires)
            .verify_slice(&signature)
            .is_err()
        {
            return Ok(Err(LinkError::BadSignature));
        }
        if now.timestamp() >= expires {
            return Ok(Err(LinkError::Expired));
        }
        Ok(Ok(()))
    }
}
