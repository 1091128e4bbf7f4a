//! Delivery logs are kept for 30 days: older events go, with their deliveries and attempts.

use crate::db::{self, Db};
use std::time::Duration;

pub const RETENTION: Duration = Duration::from_secs(30 * 24 * 3600);

/// Deletes events created before `cutoff_ms` (unix milliseconds) whose deliveries are all
/// settled, with those deliveries and their attempts. Returns how many events went.
pub async fn purge(db: &Db, cutoff_ms: i64) -> sqlx::Result<u64> {
    db::query(
        "DELETE FROM events WHERE created_ms < $1
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                         WHERE d.event_id = events.id AND d.status = 'pending')",
    )
    .bind(cutoff_ms)
    .execute(db)
    .await
}
