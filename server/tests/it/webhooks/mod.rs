//! Webhooks end to end: a real receiver (axum on port 0, allowed by the local-development
//! setting) and an independent signature check.

mod crash;
mod delivery;
mod endpoints;
mod isolation;
mod receiver;
mod replicas;
mod ssrf;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use vinsnap_server::core::retry::Schedule;
use vinsnap_server::core::ssrf::Policy;
use vinsnap_server::dispatcher::Webhooks;

use vinsnap_testkit::{Options, TestServer};

/// A resolver answering from a table the test can change, so tests never depend on real DNS
/// and can make a name's answer change between registration and delivery.
#[derive(Clone, Default)]
pub struct StaticResolver(Arc<Mutex<HashMap<String, IpAddr>>>);

impl StaticResolver {
    pub fn set(&self, host: &str, ip: &str) {
        self.0
            .lock()
            .unwrap()
            .insert(host.to_owned(), ip.parse().unwrap());
    }
}

impl Resolve for StaticResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let answer = self.0.lock().unwrap().get(name.as_str()).copied();
        Box::pin(async move {
            match answer {
                Some(ip) => Ok(Box::new(std::iter::once(SocketAddr::new(ip, 0))) as Addrs),
                None => Err(format!("no such host: {}", name.as_str()).into()),
            }
        })
    }
}

/// Production rules (public HTTPS only) with names resolved from `resolver`.
pub async fn strict_app_with(resolver: StaticResolver) -> TestServer {
    TestServer::start_with(Options::webhooks(Webhooks::new(
        Policy::default(),
        Schedule::new(0.001).unwrap(),
        Arc::new(resolver),
    )))
    .await
}

/// Production rules; no name resolves.
pub async fn strict_app() -> TestServer {
    strict_app_with(StaticResolver::default()).await
}

/// Local receivers allowed, retry delays scaled by `scale`.
pub async fn local_app(scale: f64) -> TestServer {
    TestServer::start_with(Options::local_webhooks(scale)).await
}

/// Registers an endpoint for `events` and returns (id, secret).
pub async fn register(app: &TestServer, url: &str, events: Value) -> (String, String) {
    let created = app
        .post(
            "/webhooks",
            &app.test_key,
            json!({ "url": url, "events": events }),
        )
        .await
        .expect(201)
        .body;
    (
        created["id"].as_str().unwrap().to_owned(),
        created["secret"].as_str().unwrap().to_owned(),
    )
}

/// HMAC-SHA256 written out from RFC 2104 on top of plain SHA-256, so the check does not share
/// code with the server's signer.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// The seeds' recipe: `sha256=` + hex HMAC(secret string, "{timestamp}.{raw body}"), and a
/// timestamp within 300 s. Returns whether any of the header's signatures matches `secret`.
pub fn verify(secret: &str, timestamp: &str, body: &str, header: &str) -> bool {
    let now = chrono::Utc::now().timestamp();
    let ts: i64 = timestamp.parse().expect("numeric timestamp");
    assert!((now - ts).abs() <= 300, "timestamp {ts} is not fresh");
    let expected = format!(
        "sha256={}",
        hex::encode(hmac_sha256(
            secret.as_bytes(),
            format!("{timestamp}.{body}").as_bytes()
        ))
    );
    header.split(',').any(|sig| sig.trim() == expected)
}

/// Polls `check` until it holds, for up to `limit`.
pub async fn eventually<F, Fut>(limit: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = std::time::Instant::now();
    while !check().await {
        assert!(
            start.elapsed() < limit,
            "condition not met within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The delivery with its attempts, once it has settled (succeeded or failed).
pub async fn settled(app: &TestServer, delivery: &str, limit: Duration) -> Value {
    let path = format!("/webhook-deliveries/{delivery}");
    let start = std::time::Instant::now();
    loop {
        let detail = app.get(&path, &app.test_key).await.expect(200).body;
        if detail["status"] != "pending" {
            return detail;
        }
        assert!(
            start.elapsed() < limit,
            "{delivery} still pending after {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The example body the spec's `webhooks` section shows for `event`.
pub fn documented_example(event: &str) -> Value {
    let spec: Value = serde_json::from_str(&vinsnap_server::openapi_json()).unwrap();
    spec["webhooks"][event]["post"]["requestBody"]["content"]["application/json"]["example"].clone()
}

#[test]
fn every_event_is_documented_with_headers_and_an_example() {
    let spec: Value = serde_json::from_str(&vinsnap_server::openapi_json()).unwrap();
    let webhooks = spec["webhooks"].as_object().unwrap();
    let names = [
        "customer.created",
        "customer.updated",
        "job.created",
        "job.status_changed",
        "job.completed",
        "invoice.created",
        "invoice.sent",
        "invoice.paid",
        "ping",
    ];
    assert_eq!(webhooks.len(), names.len());
    for name in names {
        let op = &webhooks[name]["post"];
        assert!(
            op["description"].as_str().is_some_and(|d| d.len() > 20),
            "{name}"
        );
        let headers: Vec<&str> = op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            headers,
            [
                "X-VinSnap-Event",
                "X-VinSnap-Delivery",
                "X-VinSnap-Timestamp",
                "X-VinSnap-Signature"
            ]
        );
        let example = documented_example(name);
        assert_eq!(example["type"], name);
        assert!(example["id"].as_str().unwrap().starts_with("evt_"));
        assert!(example["data"].is_object(), "{name}");
    }
}

#[test]
fn the_independent_hmac_matches_a_published_vector() {
    // RFC 4231, test case 2.
    assert_eq!(
        hex::encode(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}
