//! Crash safety: SIGKILL the real server binary while events are being delivered, start it
//! again on the same database, and every event still reaches the receiver.

use serde_json::json;
use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;
use vinsnap_testkit::process::ServerProcess;

use super::receiver::{Answer, Receiver};

const EVENTS: usize = 40;

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_vinsnap-server"))
}

fn customer_ids(received: &[super::receiver::Received]) -> HashSet<String> {
    received
        .iter()
        .map(|r| r.json()["data"]["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn deliveries_survive_a_sigkill() {
    let database = vinsnap_testkit::TestDatabase::new().await;
    let key = vinsnap_testkit::seed_database(&database).await;
    // A slow receiver, so that attempts are in flight when the server dies: with more events
    // than the dispatcher's 32 concurrent attempts, the last ones cannot have arrived before
    // the first answers come, 2.5 s after they arrived.
    let receiver = Receiver::start(
        Vec::new(),
        Answer::status(200).delay(Duration::from_millis(2500)),
    )
    .await;

    let mut server = ServerProcess::start(binary(), &database.arg(), &[]).await;
    let base = server.base.clone();
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
    server.kill().await;
    let before = receiver.received().len();
    assert!(
        customer_ids(&receiver.received()).len() < EVENTS,
        "the kill came mid-delivery"
    );

    let _server = ServerProcess::start(binary(), &database.arg(), &[]).await;
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
