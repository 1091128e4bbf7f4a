//! The dispatchers running on one database, and whose delivery leases are whose: the rows of
//! `dispatcher_replicas`, and the hand-over of a dead dispatcher's leases.
//!
//! Each dispatcher registers under a fresh id, renews its heartbeat every [`HEARTBEAT`], and
//! claims deliveries in its own name (`webhook_deliveries.leased_by`). Every renewal also looks
//! for dispatchers that stopped renewing for [`DEAD_AFTER`]: their leased deliveries are due
//! again at once, for any live replica to claim. A starting replica does the same and nothing
//! more, so it never takes the leases of live ones; a killed one's attempts resume within
//! `DEAD_AFTER` plus a heartbeat, long before their leases would expire.

use std::time::Duration;

use crate::db::{self, Db};

/// How often a dispatcher says it is alive.
pub const HEARTBEAT: Duration = Duration::from_secs(2);
/// A dispatcher silent this long is dead (or cut off from the database, which for its leases
/// is the same): several missed heartbeats, so a slow moment is not a death.
pub const DEAD_AFTER: Duration = Duration::from_secs(10);

fn ms(duration: Duration) -> i64 {
    duration.as_millis() as i64
}

/// Registers (or renews) dispatcher `id`: its heartbeat is `now_ms`.
pub async fn beat(db: &Db, id: &str, now_ms: i64) -> sqlx::Result<()> {
    db::query(
        "INSERT INTO dispatcher_replicas (id, started_ms, heartbeat_ms) VALUES ($1, $2, $2)
         ON CONFLICT (id) DO UPDATE SET heartbeat_ms = $2",
    )
    .bind(id)
    .bind(now_ms)
    .execute(db)
    .await
    .map(drop)
}

/// Makes the deliveries leased by dead dispatchers (and by none, as before migration 0008) due
/// now, and forgets the dead. Returns how many deliveries were released.
pub async fn release_dead(db: &Db, now_ms: i64) -> sqlx::Result<u64> {
    let cutoff = now_ms - ms(DEAD_AFTER);
    let released = db::query(
        "UPDATE webhook_deliveries SET leased = FALSE, leased_by = NULL, next_attempt_ms = $1
         WHERE leased AND (leased_by IS NULL OR leased_by NOT IN
               (SELECT id FROM dispatcher_replicas WHERE heartbeat_ms >= $2))",
    )
    .bind(now_ms)
    .bind(cutoff)
    .execute(db)
    .await?;
    db::query("DELETE FROM dispatcher_replicas WHERE heartbeat_ms < $1")
        .bind(cutoff)
        .execute(db)
        .await?;
    Ok(released)
}

/// Dispatcher `id` has stopped (its attempts ended and were recorded or released): it goes
/// from the table, and any lease it still holds is due now.
pub async fn deregister(db: &Db, id: &str, now_ms: i64) -> sqlx::Result<()> {
    db::query(
        "UPDATE webhook_deliveries SET leased = FALSE, leased_by = NULL, next_attempt_ms = $1
         WHERE leased AND leased_by = $2",
    )
    .bind(now_ms)
    .bind(id)
    .execute(db)
    .await?;
    db::query("DELETE FROM dispatcher_replicas WHERE id = $1")
        .bind(id)
        .execute(db)
        .await
        .map(drop)
}
