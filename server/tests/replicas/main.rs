//! Many replicas behaving as one API: real server processes on one PostgreSQL and one Redis
//! (`VINSNAP_TEST_POSTGRES`, `VINSNAP_TEST_REDIS`; `./scripts/test` starts a throwaway one of
//! each). What one replica writes another reads, a key's rate limit is one count across them,
//! one idempotency key creates one resource whichever replicas it reaches, and webhook events
//! created on every replica are all delivered when one replica is SIGKILLed mid-run.
//!
//! The tests run one at a time: each starts three servers, and together they would measure the
//! machine's two cores rather than the replicas.

#[path = "../it/webhooks/receiver.rs"]
#[allow(dead_code)]
mod receiver;

mod deliveries;
mod idempotency;
mod limits;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::path::Path;
use tokio::sync::{Mutex, MutexGuard};
use vinsnap_testkit::TestDatabase;
use vinsnap_testkit::process::ServerProcess;

static ONE_AT_A_TIME: Mutex<()> = Mutex::const_new(());

/// A `--rate-limits` file in `dir` whose pro tier (the seeded key's) makes `reads` and `writes`
/// a minute; the rest as published.
pub fn rate_limits(dir: &Path, reads: u32, writes: u32) -> String {
    let tier = |reads: u32, writes: u32| json!({ "reads": reads, "writes": writes, "parts_search": 60, "vin_decode": 30 });
    let path = dir.join("limits.json");
    let limits = json!({
        "free": tier(120, 30), "pro": tier(reads, writes), "enterprise": tier(3000, 600),
        "throttle_after_rejections": 10, "throttle_seconds": 60
    });
    std::fs::write(&path, limits.to_string()).expect("limits file");
    path.display().to_string()
}

/// `count` server processes on one fresh PostgreSQL database and the run's Redis, and an
/// all-scopes test key of the shop seeded in it.
pub struct Replicas {
    pub servers: Vec<ServerProcess>,
    /// The id each server's webhook dispatcher registered under (`dispatcher_replicas`).
    pub dispatchers: Vec<String>,
    pub key: String,
    pub http: reqwest::Client,
    pub database: TestDatabase,
    _turn: MutexGuard<'static, ()>,
}

impl Replicas {
    pub async fn start(count: usize, args: &[&str]) -> Replicas {
        let turn = ONE_AT_A_TIME.lock().await;
        let database = TestDatabase::postgres().await;
        let key = vinsnap_testkit::seed_database(&database).await;
        let redis = vinsnap_testkit::database::redis_url();
        let mut all_args = vec!["--redis", redis.as_str()];
        all_args.extend_from_slice(args);
        let binary = Path::new(env!("CARGO_BIN_EXE_vinsnap-server"));
        let db = database.connect().await;
        let (mut servers, mut dispatchers) = (Vec::new(), Vec::<String>::new());
        for _ in 0..count {
            servers.push(ServerProcess::start(binary, &database.arg(), &all_args).await);
            // Its dispatcher registers a moment after it listens: the one id not seen before.
            let started = std::time::Instant::now();
            loop {
                let ids: Vec<String> =
                    vinsnap_server::db::query("SELECT id FROM dispatcher_replicas")
                        .fetch_scalars(&db)
                        .await
                        .expect("dispatcher_replicas");
                if let Some(new) = ids.into_iter().find(|id| !dispatchers.contains(id)) {
                    dispatchers.push(new);
                    break;
                }
                assert!(
                    started.elapsed() < std::time::Duration::from_secs(30),
                    "a replica's dispatcher never registered"
                );
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
        }
        db.close().await;
        Replicas {
            servers,
            dispatchers,
            key,
            http: reqwest::Client::new(),
            database,
            _turn: turn,
        }
    }

    /// A request to replica `i` with the key, and its status and JSON body.
    pub async fn send(
        &self,
        i: usize,
        method: Method,
        path: &str,
        body: Option<&Value>,
        idempotency_key: Option<&str>,
    ) -> (StatusCode, reqwest::header::HeaderMap, Value) {
        let url = format!("{}{path}", self.servers[i].base);
        let mut request = self.http.request(method, url).bearer_auth(&self.key);
        if let Some(body) = body {
            request = request.json(body);
        }
        if let Some(key) = idempotency_key {
            request = request.header("idempotency-key", key);
        }
        let response = request.send().await.expect("the replica answers");
        let (status, headers) = (response.status(), response.headers().clone());
        let body = response.json().await.unwrap_or(Value::Null);
        (status, headers, body)
    }
}
