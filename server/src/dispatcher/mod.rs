//! The webhook dispatcher: a worker inside the server, separate from the request handlers, that
//! claims due deliveries from the database, sends them, and records every attempt.
//!
//! Nothing lives only in memory: a delivery is a row from the moment its event commits, an
//! attempt in flight holds a lease in this dispatcher's name, and the leases of a dispatcher
//! that stopped renewing its heartbeat are made due again by any other (or by the next start),
//! so every delivery is attempted at least once whatever happens to a process. Replicas on one
//! database share the queue (see `replicas`).

pub mod attempt;
pub mod queue;
pub mod replicas;
pub mod retention;

use crate::db::Db;
use reqwest::dns::Resolve;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, Semaphore, mpsc};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::core::http_client::{Outcome, SystemResolver, WebhookClient};
use crate::core::metrics::Metrics;
use crate::core::retry::Schedule;
use crate::core::ssrf::Policy;
use crate::core::time;
use crate::events;

/// Attempts in flight at once (at most `queue::PER_ENDPOINT` of them to one endpoint).
const CONCURRENCY: usize = 32;
/// Finished attempts waiting to be recorded, and the most recorded in one transaction.
const RECORD_QUEUE: usize = 256;
const RECORD_BATCH: usize = 128;
/// The longest the dispatcher sleeps without looking at the queue, as a safety net for wake-ups
/// it did not get.
const POLL: Duration = Duration::from_millis(500);
/// How often a replica asks whether the retention sweep is its turn (`retention::EVERY`).
const RETENTION_CHECK: Duration = Duration::from_secs(300);

/// The webhook machinery handlers and the dispatcher share.
pub struct Webhooks {
    pub client: WebhookClient,
    pub schedule: Schedule,
}

impl Default for Webhooks {
    /// Public HTTPS receivers only, the real schedule, the system resolver.
    fn default() -> Self {
        Self::new(
            Policy::default(),
            Schedule::default(),
            Arc::new(SystemResolver),
        )
    }
}

impl Webhooks {
    pub fn new(policy: Policy, schedule: Schedule, resolver: Arc<dyn Resolve>) -> Self {
        Self {
            client: WebhookClient::new(policy, resolver),
            schedule,
        }
    }

    /// With `timeout` for each attempt instead of 15 seconds.
    pub fn with_attempt_timeout(mut self, timeout: Duration) -> Self {
        let (policy, resolver) = (self.client.policy(), self.client.resolver());
        self.client = WebhookClient::with_timeout(policy, resolver, timeout);
        self
    }
}

/// A running dispatcher; `shutdown` stops it.
pub struct Dispatcher {
    stopping: CancellationToken,
    task: JoinHandle<()>,
}

impl Dispatcher {
    /// Stops claiming, cancels the attempts in flight (their deliveries are due again at once,
    /// for the next start or another process) and records what has finished.
    pub async fn shutdown(self) {
        self.stopping.cancel();
        let _ = tokio::time::timeout(Duration::from_secs(5), self.task).await;
    }
}

/// Starts the dispatcher; cancelling `stopping` (or `shutdown`) stops it. `metrics` counts its
/// attempts, deliveries and sweeps.
pub fn spawn(
    db: Db,
    webhooks: Arc<Webhooks>,
    metrics: Metrics,
    stopping: CancellationToken,
) -> Dispatcher {
    let task = tokio::spawn(run(db, webhooks, metrics, stopping.clone()));
    Dispatcher { stopping, task }
}

async fn run(db: Db, webhooks: Arc<Webhooks>, metrics: Metrics, stopping: CancellationToken) {
    let replica = format!("dsp_{}", ulid::Ulid::new().to_string().to_lowercase());
    keep_alive_once(&db, &replica).await;
    let alive = tokio::spawn(keep_alive(db.clone(), replica.clone()));
    let retention = tokio::spawn(sweep_retention(db.clone(), metrics.clone()));
    let (attempted, outcomes) = mpsc::channel(RECORD_QUEUE);
    let recorder = tokio::spawn(record_attempts(
        db.clone(),
        webhooks.schedule,
        outcomes,
        metrics,
    ));
    let slots = Arc::new(Semaphore::new(CONCURRENCY));
    let freed = Arc::new(Notify::new());
    while !stopping.is_cancelled() {
        let woken = events::wake_signal().notified();
        tokio::pin!(woken);
        // Registered before looking, so a wake-up between the look and the wait is not lost.
        woken.as_mut().enable();
        let free = slots.available_permits();
        let claimed = if free > 0 {
            queue::claim(&db, &replica, free)
                .await
                .unwrap_or_else(|err| {
                    tracing::error!(error = %err, "could not claim deliveries");
                    Vec::new()
                })
        } else {
            Vec::new()
        };
        let count = claimed.len();
        for outbound in claimed {
            let Ok(slot) = slots.clone().try_acquire_owned() else {
                break;
            };
            let (webhooks, freed, attempted) = (webhooks.clone(), freed.clone(), attempted.clone());
            let stopping = stopping.clone();
            tokio::spawn(async move {
                let outcome = attempt::send(&webhooks.client, &outbound, &stopping).await;
                // Waiting for room here holds the slot, so sending slows down to what the
                // recorder keeps up with.
                let _ = attempted.send((outbound, outcome)).await;
                drop(slot);
                freed.notify_one();
            });
        }
        if count > 0 && count == free {
            continue;
        }
        let wait = match queue::next_due(&db).await {
            Ok(Some(due)) => (due - time::now()).to_std().unwrap_or_default().min(POLL),
            _ => POLL,
        };
        // An ended attempt frees a slot and a place under its endpoint's cap.
        tokio::select! {
            () = &mut woken => {}
            () = freed.notified() => {}
            () = tokio::time::sleep(wait) => {}
            () = stopping.cancelled() => {}
        }
    }
    retention.abort();
    let _ = tokio::time::timeout(
        Duration::from_secs(5),
        slots.acquire_many(CONCURRENCY as u32),
    )
    .await;
    drop(attempted);
    let _ = tokio::time::timeout(Duration::from_secs(5), recorder).await;
    alive.abort();
    if let Err(err) = replicas::deregister(&db, &replica, time::now().timestamp_millis()).await {
        tracing::error!(error = %err, "could not release this dispatcher's leases");
    }
}

/// Renews this dispatcher's heartbeat, and makes the deliveries of dead ones due.
async fn keep_alive_once(db: &Db, replica: &str) {
    let now = time::now().timestamp_millis();
    if let Err(err) = replicas::beat(db, replica, now).await {
        tracing::error!(error = %err, "could not renew the dispatcher's heartbeat");
        return;
    }
    match replicas::release_dead(db, now).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(
            deliveries = n,
            "resuming deliveries whose dispatcher stopped (a crash, a kill or a lost replica)"
        ),
        Err(err) => tracing::error!(error = %err, "could not release a dead dispatcher's leases"),
    }
}

async fn keep_alive(db: Db, replica: String) {
    loop {
        tokio::time::sleep(replicas::HEARTBEAT).await;
        keep_alive_once(&db, &replica).await;
    }
}

/// Records finished attempts, as many per transaction as have arrived.
async fn record_attempts(
    db: Db,
    schedule: Schedule,
    mut outcomes: mpsc::Receiver<(attempt::Outbound, Option<Outcome>)>,
    metrics: Metrics,
) {
    let mut batch = Vec::with_capacity(RECORD_BATCH);
    while outcomes.recv_many(&mut batch, RECORD_BATCH).await > 0 {
        match queue::record_batch(&db, &schedule, &batch).await {
            Ok(statuses) => {
                for ((_, outcome), status) in batch.iter().zip(statuses) {
                    // No outcome: cancelled by shutdown, released without counting.
                    let Some(outcome) = outcome else { continue };
                    let attempt = if outcome.succeeded() {
                        "succeeded"
                    } else {
                        "failed"
                    };
                    metrics.webhook_attempts.with_label_values(&[attempt]).inc();
                    if let Some(settled @ ("succeeded" | "failed")) = status {
                        metrics
                            .webhook_deliveries
                            .with_label_values(&[settled])
                            .inc();
                    }
                }
            }
            // The leases are released and the deliveries attempted again: at least once.
            Err(err) => {
                tracing::error!(error = %err, attempts = batch.len(), "could not record attempts")
            }
        }
        batch.clear();
    }
}

/// Runs the retention sweep when it is this replica's turn: once per `retention::EVERY` across
/// all replicas.
async fn sweep_retention(db: Db, metrics: Metrics) {
    loop {
        let now = time::now().timestamp_millis();
        match retention::take_turn(&db, now).await {
            Ok(false) => {}
            Ok(true) => {
                metrics.retention_sweeps.inc();
                let cutoff = now - retention::RETENTION.as_millis() as i64;
                match retention::purge(&db, cutoff).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(events = n, "deleted webhook logs older than 30 days"),
                    Err(err) => tracing::error!(error = %err, "could not delete old webhook logs"),
                }
            }
            Err(err) => tracing::error!(error = %err, "could not schedule the retention sweep"),
        }
        tokio::time::sleep(RETENTION_CHECK).await;
    }
}
