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

/// How often the sweep runs, across all replicas together.
pub const EVERY: Duration = Duration::from_secs(3600);

/// Whether the caller runs this turn's sweep: true for the first replica to ask once [`EVERY`]
/// has passed since the last sweep anywhere, false for every other (one atomic statement, so
/// replicas asking at once cannot both win).
pub async fn take_turn(db: &Db, now_ms: i64) -> sqlx::Result<bool> {
    let won = db::query(
        "INSERT INTO scheduled_runs (task, last_run_ms) VALUES ('webhook_retention', $1)
         ON CONFLICT (task) DO UPDATE SET last_run_ms = $1
         WHERE scheduled_runs.last_run_ms <= $1 - $2",
    )
    .bind(now_ms)
    .bind(EVERY.as_millis() as i64)
    .execute(db)
    .await?;
    Ok(won == 1)
}
