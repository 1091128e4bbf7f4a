//! Endpoints are isolated from each other: a receiver that never answers holds at most its cap
//! of the dispatcher's attempts, and other endpoints' deliveries, of the same shop or another,
//! are not queued behind it.

use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use vinsnap_server::core::http_client::SystemResolver;
use vinsnap_server::core::retry::Schedule;
use vinsnap_server::core::ssrf::Policy;
use vinsnap_server::dispatcher::Webhooks;
use vinsnap_server::dispatcher::queue::PER_ENDPOINT;
use vinsnap_testkit::{Options, TestServer};

use super::receiver::{Answer, Receiver};

async fn register(app: &TestServer, key: &str, url: &str) -> String {
    app.post(
        "/webhooks",
        key,
        json!({ "url": url, "events": ["customer.created"] }),
    )
    .await
    .expect(201)
    .body["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn create_customers(app: &TestServer, key: &str, n: usize) {
    for i in 0..n {
        app.post(
            "/customers",
            key,
            json!({ "name": format!("Customer {i}") }),
        )
        .await
        .expect(201);
    }
}

async fn attempts_logged(app: &TestServer, endpoint: &str) -> i64 {
    vinsnap_server::db::query(
        "SELECT COUNT(*) FROM webhook_attempts a
         JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = $1",
    )
    .bind(endpoint)
    .fetch_scalar(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_hanging_receiver_delays_no_other_endpoint() {
    // Attempts time out after ten minutes here, so that the hanging receiver's attempts are
    // certainly still in flight when the others' deliveries arrive, however slow the machine.
    let webhooks = Webhooks::new(
        Policy { allow_local: true },
        Schedule::new(0.001).unwrap(),
        Arc::new(SystemResolver),
    )
    .with_attempt_timeout(Duration::from_secs(600));
    let app = TestServer::start_with(Options::webhooks(webhooks)).await;
    let hanging = Receiver::start(
        Vec::new(),
        Answer::status(200).delay(Duration::from_secs(3600)),
    )
    .await;
    let hanging_id = register(&app, &app.test_key, &hanging.url).await;

    // A backlog five times the hanging endpoint's cap (and more than all 32 of the
    // dispatcher's slots), whose first attempts all hang.
    create_customers(&app, &app.test_key, 5 * PER_ENDPOINT as usize).await;
    let cap = PER_ENDPOINT as usize;
    hanging.wait_for(cap, Duration::from_secs(60)).await;

    // Another shop's endpoint, and another endpoint of the same shop registered behind the
    // backlog: their deliveries all arrive while the hanging attempts are still open.
    let other_shop = app.tier_key("pro").await;
    let elsewhere = Receiver::ok().await;
    register(&app, &other_shop, &elsewhere.url).await;
    let beside = Receiver::ok().await;
    register(&app, &app.test_key, &beside.url).await;
    create_customers(&app, &other_shop, 20).await;
    create_customers(&app, &app.test_key, 10).await;
    elsewhere.wait_for(20, Duration::from_secs(60)).await;
    beside.wait_for(10, Duration::from_secs(60)).await;

    assert_eq!(
        attempts_logged(&app, &hanging_id).await,
        0,
        "no hanging attempt had ended: the others were not waiting for them"
    );
    assert_eq!(
        hanging.received().len(),
        cap,
        "the hanging endpoint never had more than {cap} attempts open"
    );
}
