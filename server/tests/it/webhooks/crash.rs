//! Crash safety: SIGKILL the real server binary while events are being delivered, start it
//! again on the same database, and every event still reaches the receiver.

use serde_json::json;
use std::collections::HashSet;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use vinsnap_server::api::api_keys::store::{self as keys, NewKey};
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::{db, shops};

use super::receiver::{Answer, Receiver};

const EVENTS: usize = 40;

/// Starts `vinsnap-server serve` on a free port and returns it with its base URL.
async fn start_server(db: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vinsnap-server"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--allow-local-webhooks",
            "--db",
        ])
        .arg(db)
        .env("VINSNAP_WEBHOOK_TIME_SCALE", "0.001")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let base = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("VinSnap API listening on ") {
                return url.to_owned();
            }
        }
        panic!("the server exited before listening");
    })
    .await
    .expect("the server starts");
    (child, base)
}

fn customer_ids(received: &[super::receiver::Received]) -> HashSet<String> {
    received
        .iter()
        .map(|r| r.json()["data"]["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn deliveries_survive_a_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let key = {
        let pool = db::connect(&path).await.unwrap();
        let (shop, _) = shops::create(
            &pool,
            shops::NewShop {
                name: "Crash Garage",
                address: "",
                tier: "pro",
                locations: &[("Only", "")],
            },
        )
        .await
        .unwrap();
        let mut conn = pool.acquire().await.unwrap();
        let new = NewKey {
            shop_id: &shop,
            mode: Mode::Test,
            name: "crash".into(),
            scopes: Scope::ALL.to_vec(),
            location_id: None,
        };
        let secret = keys::mint(&mut conn, new, vinsnap_server::core::time::now()).await.unwrap().secret;
        drop(conn);
        pool.close().await;
        secret
    };
    // A slow receiver, so that attempts are in flight when the server dies: with more events
    // than the dispatcher's 32 concurrent attempts, the last ones cannot have arrived before
    // the first answers come, 2.5 s after they arrived.
    let receiver = Receiver::start(
        Vec::new(),
        Answer::status(200).delay(Duration::from_millis(2500)),
    )
    .await;

    let (mut server, base) = start_server(&path).await;
    let client = reqwest::Client::new();
    let created = client
        .post(format!("{base}/webhooks"))
        .bearer_auth(&key)
        .json(&json!({ "url": receiver.url, "events": ["customer.created"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let mut expected = HashSet::new();
    for i in 0..EVENTS {
        let customer: serde_json::Value = client
            .post(format!("{base}/customers"))
            .bearer_auth(&key)
            .json(&json!({ "name": format!("Customer {i}") }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        expected.insert(customer["id"].as_str().unwrap().to_owned());
    }
    receiver.wait_for(5, Duration::from_secs(10)).await;
    server.start_kill().unwrap(); // SIGKILL
    server.wait().await.unwrap();
    let before = receiver.received().len();
    assert!(
        customer_ids(&receiver.received()).len() < EVENTS,
        "the kill came mid-delivery"
    );

    let (_server, _base) = start_server(&path).await;
    let start = std::time::Instant::now();
    loop {
        let received = receiver.received();
        if customer_ids(&received) == expected {
            assert!(received.len() > before, "the restarted server delivered");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "only {} of {EVENTS} events arrived after the restart",
            customer_ids(&received).len()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
