//! Webhook delivery benchmark (not a test): deliveries per second to a local receiver, and
//! first-attempt latency (event committed → request at the receiver), with 1,000 events.
//!
//! `cargo bench -p vinsnap-server --bench webhook_delivery`
//!
//! 1. Backlog: 1,000 `customer.created` events are queued while no dispatcher runs; then one
//!    starts and the time to drain the queue gives deliveries/s.
//! 2. Paced: 1,000 customers created at 100/s (above the published 120 writes/min a key may make, so the bench raises it)
//!    with the dispatcher running; latency is the receiver's clock at arrival minus the
//!    event's `created_at`.
//! 3. Saturated: 1,000 customers created by 4 clients as fast as the API takes them, so API
//!    writes and delivery bookkeeping compete for SQLite's single write lock.
//! 4. Beside a hanging endpoint: the paced run again, with a second endpoint subscribed to
//!    every event whose receiver accepts connections and never answers (each of its attempts
//!    waits out the 15 s timeout). The healthy endpoint's latency, next to run 2's, shows what
//!    the per-endpoint cap and fair claiming keep from it.

use axum::body::Bytes;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use vinsnap_server::AppState;
use vinsnap_server::core::http_client::SystemResolver;
use vinsnap_server::core::retry::Schedule;
use vinsnap_server::core::ssrf::Policy;
use vinsnap_server::dispatcher::{self, Webhooks};
use vinsnap_server::http::rate_limit::clock::ApiClock;
use vinsnap_server::http::rate_limit::config::RateLimits;

const EVENTS: usize = 1000;

type Arrivals = Arc<Mutex<Vec<(Value, chrono::DateTime<chrono::Utc>)>>>;

async fn receiver() -> (String, Arrivals) {
    let arrivals: Arrivals = Arc::default();
    let log = arrivals.clone();
    let app = axum::Router::new().fallback(move |body: Bytes| {
        let log = log.clone();
        async move {
            let event: Value = serde_json::from_slice(&body).unwrap();
            log.lock().unwrap().push((event, chrono::Utc::now()));
            "ok"
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, arrivals)
}

fn webhooks() -> Webhooks {
    Webhooks::new(
        Policy { allow_local: true },
        Schedule::default(),
        Arc::new(SystemResolver),
    )
}

/// The published limits (120 writes a minute per key) would refuse most of the 1,000 creates;
/// the limiter still runs on every request, with room for the whole run.
fn unthrottled() -> RateLimits {
    let mut limits = RateLimits::default();
    limits.pro.writes = std::num::NonZeroU32::MAX;
    limits
}

/// Creates `EVENTS` customers through the API with `clients` concurrent clients, each waiting
/// `pace` between requests.
async fn create_customers(base: &str, key: &str, clients: usize, pace: Duration) {
    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (client, base, key) = (client.clone(), base.to_owned(), key.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut tick = tokio::time::interval(pace.max(Duration::from_nanos(1)));
            for i in (c..EVENTS).step_by(clients) {
                if !pace.is_zero() {
                    tick.tick().await;
                }
                let response = client
                    .post(format!("{base}/customers"))
                    .bearer_auth(&key)
                    .json(&json!({ "name": format!("Customer {i}") }))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status(), 201);
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
}

/// Creates the events, waits for every delivery and prints the figures.
async fn live(
    name: &str,
    base: &str,
    key: &str,
    arrivals: &Arrivals,
    clients: usize,
    pace: Duration,
) {
    arrivals.lock().unwrap().clear();
    let started = Instant::now();
    create_customers(base, key, clients, pace).await;
    wait_for(arrivals, EVENTS).await;
    let elapsed = started.elapsed();
    let mut latencies: Vec<f64> = arrivals
        .lock()
        .unwrap()
        .iter()
        .map(|(event, at)| {
            let created: chrono::DateTime<chrono::Utc> =
                event["created_at"].as_str().unwrap().parse().unwrap();
            (*at - created).num_microseconds().unwrap() as f64 / 1e3
        })
        .collect();
    latencies.sort_by(f64::total_cmp);
    println!(
        "{name}: {EVENTS} events in {:.0} ms = {:.0} deliveries/s; first-attempt latency \
         p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        elapsed.as_secs_f64() * 1e3,
        EVENTS as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        latencies.last().unwrap()
    );
}

async fn wait_for(arrivals: &Arrivals, n: usize) {
    let start = Instant::now();
    while arrivals.lock().unwrap().len() < n {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "deliveries stalled"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

#[tokio::main]
async fn main() {
    let database = vinsnap_testkit::TestDatabase::new().await;
    let key = vinsnap_testkit::seed_database(&database).await;
    let pool = database.connect().await;
    let (url, arrivals) = receiver().await;

    // The API without its dispatcher, so that events queue up.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(pool.clone())
        .with_webhooks(webhooks())
        .with_rate_limits(unthrottled(), ApiClock::default());
    let (shared, stopping) = (state.webhooks.clone(), state.stopping.clone());
    tokio::spawn(async move {
        axum::serve(listener, vinsnap_server::router(state))
            .await
            .unwrap()
    });
    let client = reqwest::Client::new();
    let created = client
        .post(format!("{base}/webhooks"))
        .bearer_auth(&key)
        .json(&json!({ "url": url, "events": ["*"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);

    create_customers(&base, &key, 1, Duration::ZERO).await;
    let started = Instant::now();
    let running = dispatcher::spawn(pool.clone(), shared, Default::default(), stopping);
    wait_for(&arrivals, EVENTS).await;
    let drain = started.elapsed();
    println!(
        "backlog: {EVENTS} queued events delivered in {:.0} ms = {:.0} deliveries/s",
        drain.as_secs_f64() * 1e3,
        EVENTS as f64 / drain.as_secs_f64()
    );
    let paced = Duration::from_millis(10);
    live("paced (100 events/s)", &base, &key, &arrivals, 1, paced).await;
    live(
        "saturated (4 clients flat out)",
        &base,
        &key,
        &arrivals,
        4,
        Duration::ZERO,
    )
    .await;

    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_url = format!("http://{}/hook", silent.local_addr().unwrap());
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((connection, _)) = silent.accept().await {
            held.push(connection);
        }
    });
    let hanging = client
        .post(format!("{base}/webhooks"))
        .bearer_auth(&key)
        .json(&json!({ "url": silent_url, "events": ["*"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(hanging.status(), 201);
    live(
        "paced (100 events/s), beside an endpoint that never answers",
        &base,
        &key,
        &arrivals,
        1,
        paced,
    )
    .await;
    running.shutdown().await;
}
