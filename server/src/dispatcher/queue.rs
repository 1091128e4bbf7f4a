//! The durable delivery queue in the database, and every write to `webhook_deliveries` but the outbox's
//! fan-out: claiming due deliveries under a lease, recording each attempt with what follows from
//! it (success, the next retry, or giving up), manual retries, failing an endpoint's pending
//! deliveries, and test pings.

use crate::db::{self, Conn, Db, Engine};
use chrono::{DateTime, Utc};
use std::sync::LazyLock;
use std::time::Duration;

use super::attempt::Outbound;
use crate::core::http_client::Outcome;
use crate::core::ids::{DeliveryId, EventId, WebhookEndpointId};
use crate::core::retry::{self, MAX_ATTEMPTS, Schedule};
use crate::core::time;
use crate::events::EventType;

/// How long a claimed delivery is held by an attempt (longer than any request may take). If the
/// process dies mid-attempt, another replica (or the next start) makes the delivery due again
/// once the process has missed its heartbeats (`replicas::DEAD_AFTER`), or this lapses.
const LEASE: Duration = Duration::from_secs(60);

/// Attempts in flight to one endpoint at once, across every process on the database, so that
/// one slow or hanging receiver holds at most this many of the dispatcher's slots.
pub const PER_ENDPOINT: i64 = 8;
/// ... and to an endpoint whose last attempt failed, until one succeeds again.
pub const PER_FAILING_ENDPOINT: i64 = 1;
/// The PostgreSQL advisory lock claims are made under (`pg_advisory_xact_lock`).
const CLAIM_LOCK: i64 = 0x7653_6e61_7043_6c6d;

/// The claim statement: `$1` lease end, `$2` now, `$3` how many, `$4`/`$5` the caps, `$6` the
/// replica. Each endpoint's first `$4` due deliveries are ranked (`turn`), not the whole backlog:
/// no endpoint can take more, and an index probe per endpoint finds them (migration 0010), so a
/// claim's cost follows the number of endpoints, whatever the backlog. SQLite has no LATERAL; a
/// correlated `IN` with LIMIT is its way to say the same.
static CLAIM: LazyLock<Statements> = LazyLock::new(|| {
    let ranked = "SELECT d.id, d.endpoint_id, d.next_attempt_ms,
                         ROW_NUMBER() OVER (PARTITION BY d.endpoint_id
                                            ORDER BY d.next_attempt_ms, d.id) AS turn
                  FROM webhook_endpoints w";
    let first = "FROM webhook_deliveries x
                 WHERE x.endpoint_id = w.id AND x.next_attempt_ms <= $2
                 ORDER BY x.next_attempt_ms, x.id LIMIT $4";
    let claim = |due: String| {
        format!(
            "WITH due AS ({due}),
             in_flight AS (
                 SELECT endpoint_id, COUNT(*) AS attempts FROM webhook_deliveries
                 WHERE leased AND next_attempt_ms > $2 GROUP BY endpoint_id
             )
             UPDATE webhook_deliveries SET leased = TRUE, next_attempt_ms = $1, leased_by = $6
             WHERE id IN (
                 SELECT due.id FROM due
                 JOIN webhook_endpoints w ON w.id = due.endpoint_id
                 LEFT JOIN in_flight f ON f.endpoint_id = due.endpoint_id
                 WHERE due.turn + COALESCE(f.attempts, 0)
                       <= CASE WHEN w.consecutive_failures > 0 THEN $5 ELSE $4 END
                 ORDER BY due.turn, due.next_attempt_ms
                 LIMIT $3)
             RETURNING id"
        )
    };
    Statements {
        sqlite: claim(format!(
            "{ranked} JOIN webhook_deliveries d ON d.id IN (SELECT x.id {first})"
        )),
        postgres: claim(format!(
            "{ranked} CROSS JOIN LATERAL (SELECT x.id, x.endpoint_id, x.next_attempt_ms {first}) d"
        )),
    }
});

struct Statements {
    sqlite: String,
    postgres: String,
}

/// Leases up to `limit` due deliveries in `replica`'s name (see `replicas`) and returns what is
/// needed to send them. Deliveries of an endpoint that is no longer active are failed instead.
///
/// Claiming is fair between endpoints: each endpoint's oldest due delivery comes before any
/// endpoint's second, and no endpoint gets more attempts in flight than its cap
/// ([`PER_ENDPOINT`], or [`PER_FAILING_ENDPOINT`] while it fails). A backlog or a hanging
/// receiver at one endpoint therefore never delays another endpoint's first attempt.
///
/// One claim at a time across every process on the database: SQLite's write lock, and on
/// PostgreSQL an advisory lock held for the claim's transaction. A claim is one short statement,
/// and serializing claims is what keeps the caps exact across replicas (with `FOR UPDATE SKIP
/// LOCKED` alone, two replicas could each fill the same endpoint's cap); no delivery is ever
/// claimed twice, as each claim sees the leases the one before it committed.
pub async fn claim(db: &Db, replica: &str, limit: usize) -> sqlx::Result<Vec<Outbound>> {
    let now = time::now().timestamp_millis();
    let lease_until = now + LEASE.as_millis() as i64;
    let mut tx = db.begin().await?;
    if tx.engine() == Engine::Postgres {
        db::query("SELECT pg_advisory_xact_lock($1)")
            .bind(CLAIM_LOCK)
            .execute(&mut *tx)
            .await?;
    }
    let ids: Vec<DeliveryId> = db::query(db::PerEngine {
        sqlite: &CLAIM.sqlite,
        postgres: &CLAIM.postgres,
    })
    .bind(lease_until)
    .bind(now)
    .bind(limit as i64)
    .bind(PER_ENDPOINT)
    .bind(PER_FAILING_ENDPOINT)
    .bind(replica)
    .fetch_scalars(&mut *tx)
    .await?;
    tx.commit().await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    #[derive(sqlx::FromRow)]
    struct Row {
        id: DeliveryId,
        event_type: String,
        payload: String,
        url: String,
        active: bool,
        secret: String,
        previous_secret: Option<String>,
        previous_secret_expires_ms: Option<i64>,
    }
    let ids_json = serde_json::to_string(&ids).expect("ids serialize");
    let rows: Vec<Row> = db::query(db::PerEngine {
        sqlite:
            "SELECT d.id, d.event_type, e.payload, w.url, w.active, w.secret, w.previous_secret,
                        w.previous_secret_expires_ms
                 FROM webhook_deliveries d
                 JOIN events e ON e.id = d.event_id
                 JOIN webhook_endpoints w ON w.id = d.endpoint_id
                 WHERE d.id IN (SELECT value FROM json_each($1))",
        postgres:
            "SELECT d.id, d.event_type, e.payload, w.url, w.active, w.secret, w.previous_secret,
                          w.previous_secret_expires_ms
                   FROM webhook_deliveries d
                   JOIN events e ON e.id = d.event_id
                   JOIN webhook_endpoints w ON w.id = d.endpoint_id
                   WHERE d.id IN (SELECT jsonb_array_elements_text($1::jsonb))",
    })
    .bind(ids_json)
    .fetch_all(db)
    .await?;
    let mut claimed = Vec::with_capacity(rows.len());
    for row in rows {
        if !row.active {
            db::query(
                "UPDATE webhook_deliveries SET status = 'failed', next_attempt_ms = NULL, leased = FALSE
                 WHERE id = $1",
            )
            .bind(&row.id)
            .execute(db)
            .await?;
            continue;
        }
        let secrets = active_secrets(
            row.secret,
            row.previous_secret,
            row.previous_secret_expires_ms,
            now,
        );
        claimed.push(Outbound {
            delivery_id: row.id,
            event_type: EventType::parse(&row.event_type).unwrap_or(EventType::Ping),
            url: row.url,
            payload: row.payload,
            secrets,
        });
    }
    Ok(claimed)
}

/// When the next delivery falls due (or a lease ends), if any is scheduled after now. Due
/// deliveries that could not be claimed wait for a slot or their endpoint's cap, and the
/// dispatcher wakes when an attempt ends.
pub async fn next_due(db: &Db) -> sqlx::Result<Option<DateTime<Utc>>> {
    let ms: Option<i64> =
        db::query("SELECT MIN(next_attempt_ms) FROM webhook_deliveries WHERE next_attempt_ms > $1")
            .bind(time::now().timestamp_millis())
            .fetch_scalar(db)
            .await?;
    Ok(ms.and_then(DateTime::from_timestamp_millis))
}

/// How many deliveries wait: due now, scheduled for later, and being attempted.
#[derive(Debug, Default, sqlx::FromRow)]
pub struct Depth {
    pub due: i64,
    pub scheduled: i64,
    pub in_flight: i64,
}

pub async fn depth(db: &Db, now_ms: i64) -> sqlx::Result<Depth> {
    db::query(
        "SELECT COUNT(*) FILTER (WHERE NOT leased AND next_attempt_ms <= $1) AS due,
                COUNT(*) FILTER (WHERE NOT leased AND next_attempt_ms > $1) AS scheduled,
                COUNT(*) FILTER (WHERE leased) AS in_flight
         FROM webhook_deliveries WHERE next_attempt_ms IS NOT NULL",
    )
    .bind(now_ms)
    .fetch_one(db)
    .await
}

/// Writes the attempt to the log.
async fn log_attempt(
    conn: &mut crate::db::Conn,
    delivery: &DeliveryId,
    at: DateTime<Utc>,
    outcome: &Outcome,
) -> sqlx::Result<()> {
    db::query(
        "INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, response_body,
                                       duration_ms, error)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(delivery)
    .bind(at)
    .bind(outcome.status_code.map(i64::from))
    .bind(&outcome.response_excerpt)
    .bind(outcome.duration.as_millis() as i64)
    .bind(&outcome.error)
    .execute(conn)
    .await
    .map(drop)
}

/// Records dispatcher attempts in one transaction (one write-lock round trip for many
/// attempts keeps the lock free for the API's own writes and for claiming). An attempt without
/// an outcome was cancelled by shutdown: its delivery is released, due again at once, and the
/// attempt does not count. Returns each delivery's status after its attempt (`None`: released,
/// or the delivery is gone).
pub async fn record_batch(
    db: &Db,
    schedule: &Schedule,
    attempts: &[(Outbound, Option<Outcome>)],
) -> sqlx::Result<Vec<Option<&'static str>>> {
    let mut tx = db.begin().await?;
    let mut statuses = Vec::with_capacity(attempts.len());
    for (outbound, outcome) in attempts {
        statuses.push(match outcome {
            Some(outcome) => record(&mut tx, schedule, outbound, outcome).await?,
            None => {
                release(&mut tx, &outbound.delivery_id).await?;
                None
            }
        });
    }
    tx.commit().await?;
    Ok(statuses)
}

/// Gives up a leased delivery without an attempt: it is due again now.
async fn release(conn: &mut Conn, id: &DeliveryId) -> sqlx::Result<()> {
    db::query(
        "UPDATE webhook_deliveries SET leased = FALSE, next_attempt_ms = $1
         WHERE id = $2 AND leased",
    )
    .bind(time::now().timestamp_millis())
    .bind(id)
    .execute(conn)
    .await
    .map(drop)
}

/// Records a dispatcher attempt and decides what follows: success resets the endpoint's
/// failure count; a 410 disables the endpoint; otherwise the next retry is scheduled, or, with
/// the schedule exhausted, the delivery fails (and the endpoint is disabled when nothing has
/// succeeded for a whole schedule's worth of attempts).
async fn record(
    tx: &mut crate::db::Conn,
    schedule: &Schedule,
    outbound: &Outbound,
    outcome: &Outcome,
) -> sqlx::Result<Option<&'static str>> {
    let now = time::now();
    #[derive(sqlx::FromRow)]
    struct Current {
        endpoint_id: WebhookEndpointId,
        attempt_count: i64,
        active: bool,
    }
    // The endpoint may have been deleted (and its deliveries with it) or disabled while the
    // attempt ran.
    let current: Option<Current> = db::query(
        "SELECT d.endpoint_id, d.attempt_count, w.active FROM webhook_deliveries d
         JOIN webhook_endpoints w ON w.id = d.endpoint_id WHERE d.id = $1",
    )
    .bind(&outbound.delivery_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(current) = current else {
        return Ok(None);
    };
    log_attempt(tx, &outbound.delivery_id, now, outcome).await?;
    let attempts = current.attempt_count + 1;
    let endpoint = &current.endpoint_id;
    let (status, next_ms) = if outcome.succeeded() {
        // Only when there is something to reset: the endpoint's row stays unlocked, so replicas
        // recording successes to one endpoint do not queue behind each other.
        db::query(
            "UPDATE webhook_endpoints SET consecutive_failures = 0
             WHERE id = $1 AND consecutive_failures <> 0",
        )
        .bind(endpoint)
        .execute(&mut *tx)
        .await?;
        ("succeeded", None)
    } else {
        let failures: i64 = db::query(
            "UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1
             WHERE id = $1 RETURNING consecutive_failures",
        )
        .bind(endpoint)
        .fetch_scalar(&mut *tx)
        .await?;
        let retry_after = match outcome.status_code {
            Some(429 | 503) => outcome
                .retry_after
                .as_deref()
                .and_then(|v| retry::parse_retry_after(v, now)),
            _ => None,
        };
        // A disabled endpoint gets no further attempts.
        let next = schedule
            .next_delay(attempts as u32, retry_after)
            .filter(|_| current.active);
        let disable = match (outcome.status_code, next) {
            _ if !current.active => None,
            (Some(410), _) => Some("gone"),
            (_, None) if failures >= i64::from(MAX_ATTEMPTS) => Some("failing"),
            _ => None,
        };
        if let Some(reason) = disable {
            db::query(
                "UPDATE webhook_endpoints SET active = FALSE, disabled_reason = $1, updated_at = $2
                 WHERE id = $3",
            )
            .bind(reason)
            .bind(now)
            .bind(endpoint)
            .execute(&mut *tx)
            .await?;
            fail_pending(tx, endpoint).await?;
            ("failed", None)
        } else {
            match next {
                Some(delay) => (
                    "pending",
                    Some(now.timestamp_millis() + delay.as_millis() as i64),
                ),
                None => ("failed", None),
            }
        }
    };
    db::query(
        "UPDATE webhook_deliveries
         SET status = $1, next_attempt_ms = $2, leased = FALSE, attempt_count = $3,
             last_status_code = $4, last_attempt_at = $5
         WHERE id = $6",
    )
    .bind(status)
    .bind(next_ms)
    .bind(attempts)
    .bind(outcome.status_code.map(i64::from))
    .bind(now)
    .bind(&outbound.delivery_id)
    .execute(&mut *tx)
    .await?;
    Ok(Some(status))
}

/// Records a test ping's single attempt: it settles at once and never touches the endpoint's
/// failure count.
pub async fn record_ping(db: &Db, ping: &Outbound, outcome: &Outcome) -> sqlx::Result<()> {
    let now = time::now();
    let mut tx = db.begin().await?;
    log_attempt(&mut tx, &ping.delivery_id, now, outcome).await?;
    db::query(
        "UPDATE webhook_deliveries
         SET status = $1, next_attempt_ms = NULL, attempt_count = 1, last_status_code = $2,
             last_attempt_at = $3
         WHERE id = $4",
    )
    .bind(if outcome.succeeded() {
        "succeeded"
    } else {
        "failed"
    })
    .bind(outcome.status_code.map(i64::from))
    .bind(now)
    .bind(&ping.delivery_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Fails the endpoint's pending deliveries: a disabled endpoint gets nothing.
pub async fn fail_pending(conn: &mut Conn, id: &WebhookEndpointId) -> sqlx::Result<()> {
    db::query(
        "UPDATE webhook_deliveries SET status = 'failed', next_attempt_ms = NULL, leased = FALSE
         WHERE endpoint_id = $1 AND status = 'pending'",
    )
    .bind(id)
    .execute(conn)
    .await
    .map(drop)
}

/// Makes a delivery due now (whatever its state), unless an attempt is in flight.
/// Returns whether it was rescheduled.
pub async fn schedule_now(conn: &mut Conn, id: &DeliveryId, now_ms: i64) -> sqlx::Result<bool> {
    let done = db::query(
        "UPDATE webhook_deliveries SET status = 'pending', next_attempt_ms = $1
         WHERE id = $2 AND leased = FALSE",
    )
    .bind(now_ms)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done == 1)
}

/// A test ping's delivery row, not scheduled: the caller sends it at once with [`Outbound`]'s
/// contents and records it with [`record_ping`].
pub async fn insert_ping(
    conn: &mut Conn,
    endpoint: &WebhookEndpointId,
    event: &EventId,
) -> sqlx::Result<Outbound> {
    let now = time::now();
    let delivery_id = DeliveryId::generate();
    db::query(
        "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, next_attempt_ms, created_at)
         VALUES ($1, $2, $3, 'ping', NULL, $4)",
    )
    .bind(&delivery_id)
    .bind(endpoint)
    .bind(event)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    #[derive(sqlx::FromRow)]
    struct Row {
        payload: String,
        url: String,
        secret: String,
        previous_secret: Option<String>,
        previous_secret_expires_ms: Option<i64>,
    }
    let row: Row = db::query(
        "SELECT e.payload, w.url, w.secret, w.previous_secret, w.previous_secret_expires_ms
         FROM events e, webhook_endpoints w WHERE e.id = $1 AND w.id = $2",
    )
    .bind(event)
    .bind(endpoint)
    .fetch_one(conn)
    .await?;
    Ok(Outbound {
        delivery_id,
        event_type: EventType::Ping,
        url: row.url,
        payload: row.payload,
        secrets: active_secrets(
            row.secret,
            row.previous_secret,
            row.previous_secret_expires_ms,
            now.timestamp_millis(),
        ),
    })
}

/// The secrets an attempt is signed with: the endpoint's current one, then the previous one
/// while its rotation overlap lasts.
fn active_secrets(
    secret: String,
    previous: Option<String>,
    previous_expires_ms: Option<i64>,
    now_ms: i64,
) -> Vec<String> {
    let mut secrets = vec![secret];
    if let (Some(previous), Some(expires)) = (previous, previous_expires_ms)
        && expires > now_ms
    {
        secrets.push(previous);
    }
    secrets
}
