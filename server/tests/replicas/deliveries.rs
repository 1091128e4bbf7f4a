//! 1,000 webhook events created across three replicas are all delivered while one replica is
//! SIGKILLed mid-run: the others take over its leased deliveries (none lost), and the only
//! deliveries sent twice are ones the dead replica had in flight (at least once; the live
//! replicas never send the same delivery at the same time).

use reqwest::Method;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

use vinsnap_server::db::{self, Db};

use super::Replicas;
use super::receiver::{Answer, Receiver};

const EVENTS: usize = 1000;
/// Requests in flight at once while creating the events.
const CLIENTS: usize = 12;

/// Creates customers `numbers` round-robin on `on`, and returns their ids.
async fn create(
    replicas: &Arc<Replicas>,
    numbers: std::ops::Range<usize>,
    on: &[usize],
) -> Vec<String> {
    let mut tasks = JoinSet::new();
    let numbers: Vec<usize> = numbers.collect();
    for chunk in numbers.chunks(numbers.len().div_ceil(CLIENTS)) {
        let (replicas, chunk, on) = (replicas.clone(), chunk.to_vec(), on.to_vec());
        tasks.spawn(async move {
            let mut ids = Vec::new();
            for n in chunk {
                let body = json!({ "name": format!("Customer {n}") });
                let (status, _, customer) = replicas
                    .send(
                        on[n % on.len()],
                        Method::POST,
                        "/customers",
                        Some(&body),
                        None,
                    )
                    .await;
                assert_eq!(status, 201, "{customer}");
                ids.push(customer["id"].as_str().unwrap().to_owned());
            }
            ids
        });
    }
    tasks.join_all().await.concat()
}

/// The deliveries leased right now by dispatcher `id`.
async fn leased_by(db: &Db, id: &str) -> Vec<String> {
    db::query("SELECT id FROM webhook_deliveries WHERE leased AND leased_by = $1")
        .bind(id)
        .fetch_scalars(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn events_from_every_replica_are_all_delivered_when_one_dies() {
    // Each answer takes 100 ms: at most 8 attempts are in flight to one endpoint across the
    // replicas, so the replicas deliver slower than the events are created and a backlog waits.
    let receiver = Receiver::start(
        Vec::new(),
        Answer::status(200).delay(Duration::from_millis(100)),
    )
    .await;
    // Writes unlimited in effect: the test measures delivery, not the limiter.
    let dir = tempfile::tempdir().unwrap();
    let limits = super::rate_limits(dir.path(), 1_000_000, 1_000_000);
    let mut replicas = Replicas::start(3, &["--rate-limits", &limits]).await;
    let db = replicas.database.connect().await;
    let victim = replicas.dispatchers[1].clone();
    let (status, _, endpoint) = replicas
        .send(
            0,
            Method::POST,
            "/webhooks",
            Some(&json!({ "url": receiver.url, "events": ["customer.created"] })),
            None,
        )
        .await;
    assert_eq!(status, 201, "{endpoint}");

    let started = Instant::now();
    let shared = Arc::new(replicas);
    let mut expected = create(&shared, 0..EVENTS / 2, &[0, 1, 2]).await;
    replicas = Arc::into_inner(shared).expect("no request in flight");
    // Killed while it has attempts in flight; what it held stays leased in its name.
    while leased_by(&db, &victim).await.is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "replica 1 never claims"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    replicas.servers[1].kill().await;
    let killed_at = Instant::now();
    let held = leased_by(&db, &victim).await;
    assert!(!held.is_empty());
    let received_before_kill = receiver.received().len();
    assert!(
        received_before_kill < EVENTS / 2,
        "the kill comes mid-run, with deliveries waiting"
    );
    let shared = Arc::new(replicas);
    expected.extend(create(&shared, EVENTS / 2..EVENTS, &[0, 2]).await);
    assert_eq!(expected.len(), EVENTS);

    let by_customer = |received: &[super::receiver::Received]| {
        let mut seen: HashMap<String, Vec<String>> = HashMap::new();
        for r in received {
            let customer = r.json()["data"]["id"].as_str().unwrap().to_owned();
            seen.entry(customer)
                .or_default()
                .push(r.header("x-vinsnap-delivery").to_owned());
        }
        seen
    };
    loop {
        let seen = by_customer(&receiver.received());
        if expected.iter().all(|id| seen.contains_key(id)) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{} of {EVENTS} events delivered",
            expected.iter().filter(|id| seen.contains_key(*id)).count()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let all_delivered = started.elapsed();
    // And recorded: the dead replica's attempts (which may have reached the receiver) are
    // attempted again by the others once it has missed its heartbeats, and every delivery ends
    // succeeded.
    loop {
        let unsettled: i64 =
            db::query("SELECT COUNT(*) FROM webhook_deliveries WHERE status <> 'succeeded'")
                .fetch_scalar(&db)
                .await
                .unwrap();
        if unsettled == 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{unsettled} deliveries still unsettled"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let all_settled = started.elapsed();
    let received = receiver.received();
    let seen = by_customer(&received);
    assert_eq!(seen.len(), EVENTS, "only the expected events were sent");
    let mut duplicates = 0;
    for (customer, deliveries) in &seen {
        // One delivery per event: every receipt of it carries the same delivery id.
        assert!(deliveries.iter().all(|d| *d == deliveries[0]), "{customer}");
        if deliveries.len() > 1 {
            duplicates += deliveries.len() - 1;
            assert!(
                deliveries.len() == 2 && held.contains(&deliveries[0]),
                "{customer} was sent {} times: only an attempt the dead replica had in flight \
                 may be sent again, once",
                deliveries.len()
            );
        }
    }
    eprintln!(
        "replicas: {EVENTS} events created on 3 replicas; replica 1 SIGKILLed after {} \
         deliveries, holding {} leases; all delivered in {:.1} s, all recorded in {:.1} s \
         ({:.1} s after the kill); {} receipts, {duplicates} duplicates (of the {} attempts the \
         dead replica had in flight)",
        received_before_kill,
        held.len(),
        all_delivered.as_secs_f64(),
        all_settled.as_secs_f64(),
        (Instant::now() - killed_at).as_secs_f64(),
        received.len(),
        held.len(),
    );
}
