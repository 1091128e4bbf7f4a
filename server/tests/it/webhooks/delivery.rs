//! Deliveries: body, headers and signature, the retry ladder, 410, Retry-After, redirects,
//! rotation, deletion, test pings, logs, manual retries and retention.

use serde_json::json;
use std::time::Duration;
use vinsnap_server::db;
use vinsnap_server::dispatcher::retention;

use super::receiver::{Answer, Receiver};
use super::{documented_example, local_app, register, settled, verify};
use vinsnap_testkit::TestServer;

const WAIT: Duration = Duration::from_secs(10);

async fn deliveries(app: &TestServer, endpoint: &str, query: &str) -> serde_json::Value {
    app.get(
        &format!("/webhooks/{endpoint}/deliveries{query}"),
        &app.test_key,
    )
    .await
    .expect(200)
    .body
}

#[tokio::test]
async fn customer_changes_arrive_signed_with_every_header() {
    let app = local_app(0.001).await;
    let receiver = Receiver::ok().await;
    let (endpoint, secret) = register(
        &app,
        &receiver.url,
        json!(["customer.created", "customer.updated"]),
    )
    .await;
    assert!(secret.starts_with("whsec_"));

    let customer = app.customer("Sarah Chen").await;
    receiver.wait_for(1, WAIT).await;
    let id = customer["id"].as_str().unwrap();
    let updated = app
        .put(
            &format!("/customers/{id}"),
            &app.test_key,
            json!({ "phone": "555-0199" }),
        )
        .await
        .expect(200)
        .body;
    let received = receiver.wait_for(2, WAIT).await;

    for (request, (kind, resource)) in received.iter().zip([
        ("customer.created", &customer),
        ("customer.updated", &updated),
    ]) {
        assert_eq!(request.header("content-type"), "application/json");
        assert_eq!(request.header("x-vinsnap-event"), kind);
        assert!(request.header("x-vinsnap-delivery").starts_with("dlv_"));
        assert!(
            request
                .header("user-agent")
                .starts_with("VinSnap-Webhooks/")
        );
        let timestamp = request.header("x-vinsnap-timestamp");
        let signature = request.header("x-vinsnap-signature");
        assert!(signature.starts_with("sha256=") && !signature.contains(','));
        assert!(
            verify(&secret, timestamp, &request.body, signature),
            "signature verifies"
        );
        assert!(!verify("whsec_wrong", timestamp, &request.body, signature));
        let body = request.json();
        assert!(body["id"].as_str().unwrap().starts_with("evt_"));
        assert_eq!(body["type"], kind);
        assert_eq!(body["livemode"], false);
        assert!(body["created_at"].as_str().unwrap().ends_with('Z'));
        assert_eq!(
            &body["data"], resource,
            "the resource as the API returns it"
        );
        assert_eq!(
            body.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["created_at", "data", "id", "livemode", "type"]
        );
        let documented = documented_example(kind);
        assert_eq!(
            body["data"].as_object().unwrap().keys().collect::<Vec<_>>(),
            documented["data"]
                .as_object()
                .unwrap()
                .keys()
                .collect::<Vec<_>>(),
            "the spec's example has the real payload's shape"
        );
    }

    // The activity log, newest first, with the exact body and each attempt.
    let list = deliveries(&app, &endpoint, "").await;
    assert_eq!(list["total"], 2);
    assert_eq!(list["data"][0]["event_type"], "customer.updated");
    let delivery = list["data"][1]["id"].as_str().unwrap();
    assert_eq!(delivery, received[0].header("x-vinsnap-delivery"));
    let detail = settled(&app, delivery, WAIT).await;
    assert_eq!(detail["status"], "succeeded");
    assert_eq!(detail["attempt_count"], 1);
    assert_eq!(detail["request_body"], received[0].body.as_str());
    assert_eq!(detail["attempts"][0]["status_code"], 200);
    assert_eq!(
        detail["attempts"][0]["response_body"],
        "{\"received\":true}"
    );
    assert!(detail["attempts"][0]["duration_ms"].is_i64());
    let filtered = deliveries(
        &app,
        &endpoint,
        "?event_type=customer.created&status=succeeded",
    )
    .await;
    assert_eq!(filtered["total"], 1);
    assert_eq!(
        deliveries(&app, &endpoint, "?status=failed").await["total"],
        0
    );
    app.get(
        &format!("/webhooks/{endpoint}/deliveries?event_type=order.created"),
        &app.test_key,
    )
    .await
    .expect_error(400, "invalid_query");
}

#[tokio::test]
async fn subscriptions_filter_events_and_star_gets_all() {
    let app = local_app(0.001).await;
    let updates_only = Receiver::ok().await;
    let everything = Receiver::ok().await;
    register(&app, &updates_only.url, json!(["customer.updated"])).await;
    register(&app, &everything.url, json!(["*"])).await;
    let customer = app.customer("Ana Lima").await;
    let path = format!("/customers/{}", customer["id"].as_str().unwrap());
    app.put(&path, &app.test_key, json!({ "notes": "VIP" }))
        .await
        .expect(200);
    let all = everything.wait_for(2, WAIT).await;
    assert_eq!(all[0].header("x-vinsnap-event"), "customer.created");
    assert_eq!(all[1].header("x-vinsnap-event"), "customer.updated");
    let some = updates_only.wait_for(1, WAIT).await;
    assert_eq!(some.len(), 1);
    assert_eq!(some[0].header("x-vinsnap-event"), "customer.updated");
}

#[tokio::test]
async fn the_retry_ladder_runs_until_the_receiver_recovers() {
    let app = local_app(0.0001).await;
    let receiver = Receiver::start(
        vec![
            Answer::status(500).body("boom"),
            Answer::status(502),
            Answer::status(503),
        ],
        Answer::status(200),
    )
    .await;
    let (endpoint, _) = register(&app, &receiver.url, json!(["customer.created"])).await;
    app.customer("Retry Me").await;
    let received = receiver.wait_for(4, WAIT).await;
    let delivery = received[0].header("x-vinsnap-delivery");
    for request in &received {
        assert_eq!(
            request.header("x-vinsnap-delivery"),
            delivery,
            "stable across retries"
        );
        assert_eq!(request.body, received[0].body, "the same body every time");
    }
    // 1m, 5m, 30m scaled by 0.0001: 6 ms, 30 ms, 180 ms (plus up to 10% jitter).
    let gaps: Vec<Duration> = received.windows(2).map(|w| w[1].at - w[0].at).collect();
    assert!(gaps[0] >= Duration::from_millis(5), "{gaps:?}");
    assert!(gaps[1] >= Duration::from_millis(29), "{gaps:?}");
    assert!(gaps[2] >= Duration::from_millis(175), "{gaps:?}");

    let detail = settled(&app, delivery, WAIT).await;
    assert_eq!(detail["status"], "succeeded");
    assert_eq!(detail["attempt_count"], 4);
    let statuses: Vec<_> = detail["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status_code"].as_i64().unwrap())
        .collect();
    assert_eq!(statuses, [500, 502, 503, 200]);
    assert_eq!(detail["attempts"][0]["response_body"], "boom");
    let endpoint = app
        .get(&format!("/webhooks/{endpoint}"), &app.test_key)
        .await
        .body;
    assert_eq!(
        endpoint["consecutive_failures"], 0,
        "a success resets the count"
    );
    assert_eq!(endpoint["active"], true);
}

#[tokio::test]
async fn failing_through_the_whole_schedule_disables_the_endpoint() {
    // The whole 39-hour ladder in about 7 seconds.
    let app = local_app(0.00005).await;
    let receiver = Receiver::start(vec![Answer::status(500); 7], Answer::status(200)).await;
    let (endpoint, _) = register(&app, &receiver.url, json!(["*"])).await;
    let path = format!("/webhooks/{endpoint}");
    app.customer("Never Delivered").await;
    let received = receiver.wait_for(7, Duration::from_secs(30)).await;
    let detail = settled(&app, received[0].header("x-vinsnap-delivery"), WAIT).await;
    assert_eq!(detail["status"], "failed");
    assert_eq!(
        detail["attempt_count"], 7,
        "a first attempt and six retries"
    );
    let disabled = app.get(&path, &app.test_key).await.expect(200).body;
    assert_eq!(disabled["active"], false);
    assert_eq!(disabled["status"], "disabled");
    assert_eq!(disabled["disabled_reason"], "failing");
    assert_eq!(disabled["consecutive_failures"], 7);

    // A disabled endpoint gets nothing new.
    app.customer("Ignored").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(receiver.received().len(), 7);
    assert_eq!(deliveries(&app, &endpoint, "").await["total"], 1);

    // Re-enabling resets the count and deliveries resume.
    let enabled = app
        .put(&path, &app.test_key, json!({ "active": true }))
        .await
        .expect(200)
        .body;
    assert_eq!(enabled["consecutive_failures"], 0);
    assert_eq!(enabled["disabled_reason"], json!(null));
    app.customer("Delivered").await;
    let received = receiver.wait_for(8, WAIT).await;
    assert_eq!(received[7].json()["data"]["name"], "Delivered");
}

#[tokio::test]
async fn gone_disables_the_endpoint_at_once() {
    let app = local_app(0.001).await;
    let receiver = Receiver::start(Vec::new(), Answer::status(410)).await;
    let (endpoint, _) = register(&app, &receiver.url, json!(["*"])).await;
    app.customer("First").await;
    let received = receiver.wait_for(1, WAIT).await;
    let detail = settled(&app, received[0].header("x-vinsnap-delivery"), WAIT).await;
    assert_eq!(detail["status"], "failed");
    assert_eq!(detail["attempt_count"], 1);
    let endpoint = app
        .get(&format!("/webhooks/{endpoint}"), &app.test_key)
        .await
        .body;
    assert_eq!(endpoint["active"], false);
    assert_eq!(endpoint["disabled_reason"], "gone");
    app.customer("Second").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(receiver.received().len(), 1);
}

#[tokio::test]
async fn retry_after_replaces_the_ladder_step() {
    // Scaled by 0.001, the ladder's first step is 60 ms and `Retry-After: 1000` is 1 s.
    let app = local_app(0.001).await;
    let receiver = Receiver::start(
        vec![
            Answer::status(429).header("retry-after", "1000"),
            Answer::status(503).header("retry-after", "500"),
        ],
        Answer::status(200),
    )
    .await;
    register(&app, &receiver.url, json!(["*"])).await;
    app.customer("Patience").await;
    let received = receiver.wait_for(3, WAIT).await;
    let first_gap = received[1].at - received[0].at;
    let second_gap = received[2].at - received[1].at;
    assert!(first_gap >= Duration::from_millis(990), "{first_gap:?}");
    assert!(second_gap >= Duration::from_millis(490), "{second_gap:?}");
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let app = local_app(0.001).await;
    let elsewhere = Receiver::ok().await;
    let receiver = Receiver::start(
        vec![Answer::status(307).header("location", elsewhere.url.clone())],
        Answer::status(200),
    )
    .await;
    register(&app, &receiver.url, json!(["*"])).await;
    app.customer("Redirected").await;
    let received = receiver.wait_for(2, WAIT).await;
    let detail = settled(&app, received[0].header("x-vinsnap-delivery"), WAIT).await;
    assert_eq!(detail["attempts"][0]["status_code"], 307);
    assert_eq!(detail["attempts"][0]["error"], "redirects are not followed");
    assert_eq!(
        detail["attempts"][1]["status_code"], 200,
        "retried like any failure"
    );
    assert!(
        elsewhere.received().is_empty(),
        "the redirect target never got a request"
    );
}

#[tokio::test]
async fn a_rotated_secret_signs_alongside_the_new_one() {
    let app = local_app(0.001).await;
    let receiver = Receiver::ok().await;
    let (endpoint, old) = register(&app, &receiver.url, json!(["*"])).await;
    let rotated = app
        .call(
            reqwest::Method::POST,
            &format!("/webhooks/{endpoint}/rotate-secret"),
            Some(&app.test_key),
            None,
        )
        .await
        .expect(200)
        .body;
    let new = rotated["secret"].as_str().unwrap();
    assert!(new.starts_with("whsec_") && new != old);
    assert_eq!(rotated["id"], endpoint.as_str());
    let shown = app
        .get(&format!("/webhooks/{endpoint}"), &app.test_key)
        .await
        .body;
    assert!(
        shown.get("secret").is_none(),
        "the secret is shown only by create and rotate"
    );

    app.customer("Rotated").await;
    let request = &receiver.wait_for(1, WAIT).await[0];
    let header = request.header("x-vinsnap-signature");
    let signatures: Vec<&str> = header.split(',').collect();
    assert_eq!(signatures.len(), 2);
    let timestamp = request.header("x-vinsnap-timestamp");
    assert!(
        verify(new, timestamp, &request.body, signatures[0]),
        "new secret first"
    );
    assert!(
        verify(&old, timestamp, &request.body, signatures[1]),
        "then the old one"
    );
}

#[tokio::test]
async fn deleting_an_endpoint_stops_its_deliveries() {
    // The first retry is due 3 s after the first attempt: the delete comes well before, even on
    // a loaded machine (at 0.6 s, a slow PostgreSQL once let it through first).
    let app = local_app(0.05).await;
    let receiver = Receiver::start(Vec::new(), Answer::status(500)).await;
    let (endpoint, _) = register(&app, &receiver.url, json!(["*"])).await;
    app.customer("Doomed").await;
    let received = receiver.wait_for(1, WAIT).await;
    app.delete(&format!("/webhooks/{endpoint}"), &app.test_key)
        .await
        .expect(200);
    tokio::time::sleep(Duration::from_millis(4000)).await;
    assert_eq!(receiver.received().len(), 1);
    app.get(
        &format!(
            "/webhook-deliveries/{}",
            received[0].header("x-vinsnap-delivery")
        ),
        &app.test_key,
    )
    .await
    .expect_error(404, "webhook_delivery_not_found");
}

#[tokio::test]
async fn test_sends_a_signed_ping_and_reports_the_answer() {
    let app = local_app(0.001).await;
    let receiver = Receiver::start(
        vec![
            Answer::status(200).body("pong"),
            Answer::status(500).delay(Duration::from_millis(50)),
        ],
        Answer::status(200),
    )
    .await;
    let (endpoint, secret) = register(&app, &receiver.url, json!(["customer.created"])).await;
    let test = format!("/webhooks/{endpoint}/test");
    let ok = app
        .call(reqwest::Method::POST, &test, Some(&app.test_key), None)
        .await
        .expect(200)
        .body;
    assert_eq!(ok["success"], true);
    assert_eq!(ok["status_code"], 200);
    assert!(ok["response_time_ms"].is_u64());
    assert_eq!(ok["message"], "Test webhook delivered successfully");
    let ping = &receiver.received()[0];
    assert_eq!(ping.header("x-vinsnap-event"), "ping");
    assert_eq!(
        ping.header("x-vinsnap-delivery"),
        ok["delivery_id"].as_str().unwrap()
    );
    assert!(verify(
        &secret,
        ping.header("x-vinsnap-timestamp"),
        &ping.body,
        ping.header("x-vinsnap-signature")
    ));
    let body = ping.json();
    assert_eq!(body["type"], "ping");
    assert_eq!(body["data"]["endpoint_id"], endpoint.as_str());

    let failed = app
        .call(reqwest::Method::POST, &test, Some(&app.test_key), None)
        .await
        .expect(200)
        .body;
    assert_eq!(failed["success"], false);
    assert_eq!(failed["status_code"], 500);
    assert!(failed["response_time_ms"].as_u64().unwrap() >= 50);
    assert_eq!(
        failed["message"],
        "Webhook endpoint returned non-2xx status code 500"
    );

    // Pings are logged, settle at once and never count against the endpoint.
    let pings = deliveries(&app, &endpoint, "?event_type=ping").await;
    assert_eq!(pings["total"], 2);
    assert_eq!(pings["data"][0]["status"], "failed");
    assert_eq!(pings["data"][1]["status"], "succeeded");
    let shown = app
        .get(&format!("/webhooks/{endpoint}"), &app.test_key)
        .await
        .body;
    assert_eq!(shown["consecutive_failures"], 0);
    app.call(
        reqwest::Method::POST,
        &format!(
            "/webhook-deliveries/{}/retry",
            failed["delivery_id"].as_str().unwrap()
        ),
        Some(&app.test_key),
        None,
    )
    .await
    .expect_error(409, "ping_not_retryable");

    // Nothing listening: no status code, and the message says why.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", closed.local_addr().unwrap());
    drop(closed);
    let (dead, _) = register(&app, &url, json!(["*"])).await;
    let unreachable = app
        .call(
            reqwest::Method::POST,
            &format!("/webhooks/{dead}/test"),
            Some(&app.test_key),
            None,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(unreachable["success"], false);
    assert_eq!(unreachable["status_code"], json!(null));
    assert!(
        unreachable["message"]
            .as_str()
            .unwrap()
            .starts_with("Could not deliver the test webhook")
    );
}

#[tokio::test]
async fn a_manual_retry_resends_with_the_same_delivery_id() {
    let app = local_app(0.001).await;
    let receiver = Receiver::ok().await;
    let (endpoint, _) = register(&app, &receiver.url, json!(["*"])).await;
    app.customer("Again").await;
    let first = receiver.wait_for(1, WAIT).await;
    let delivery = first[0].header("x-vinsnap-delivery").to_owned();
    settled(&app, &delivery, WAIT).await;
    let retried = app
        .call(
            reqwest::Method::POST,
            &format!("/webhook-deliveries/{delivery}/retry"),
            Some(&app.test_key),
            None,
        )
        .await
        .expect(202)
        .body;
    assert_eq!(retried["status"], "pending");
    let received = receiver.wait_for(2, WAIT).await;
    assert_eq!(received[1].header("x-vinsnap-delivery"), delivery);
    assert_eq!(received[1].body, received[0].body);
    let detail = settled(&app, &delivery, WAIT).await;
    assert_eq!(detail["attempt_count"], 2);

    // A disabled endpoint's deliveries are not retried.
    app.put(
        &format!("/webhooks/{endpoint}"),
        &app.test_key,
        json!({ "active": false }),
    )
    .await
    .expect(200);
    app.call(
        reqwest::Method::POST,
        &format!("/webhook-deliveries/{delivery}/retry"),
        Some(&app.test_key),
        None,
    )
    .await
    .expect_error(409, "webhook_endpoint_disabled");
}

#[tokio::test]
async fn logs_older_than_30_days_are_deleted() {
    let app = local_app(0.001).await;
    let receiver = Receiver::ok().await;
    register(&app, &receiver.url, json!(["*"])).await;
    app.customer("Old").await;
    app.customer("New").await;
    let received = receiver.wait_for(2, WAIT).await;
    let (old, new) = (
        received[0].header("x-vinsnap-delivery").to_owned(),
        received[1].header("x-vinsnap-delivery").to_owned(),
    );
    settled(&app, &old, WAIT).await;
    settled(&app, &new, WAIT).await;
    let now_ms = chrono::Utc::now().timestamp_millis();
    let day_ms = 24 * 3600 * 1000;
    db::query(
        "UPDATE events SET created_ms = $1 WHERE id = (SELECT event_id FROM webhook_deliveries WHERE id = $2)",
    )
    .bind(now_ms - 31 * day_ms)
    .bind(&old)
    .execute(&app.db)
    .await
    .unwrap();
    let cutoff = now_ms - retention::RETENTION.as_millis() as i64;
    assert_eq!(retention::purge(&app.db, cutoff).await.unwrap(), 1);
    app.get(&format!("/webhook-deliveries/{old}"), &app.test_key)
        .await
        .expect_error(404, "webhook_delivery_not_found");
    app.get(&format!("/webhook-deliveries/{new}"), &app.test_key)
        .await
        .expect(200);
}

#[tokio::test]
async fn events_of_one_mode_never_reach_the_other() {
    let app = local_app(0.001).await;
    let test_receiver = Receiver::ok().await;
    let live_receiver = Receiver::ok().await;
    register(&app, &test_receiver.url, json!(["*"])).await;
    app.post(
        "/webhooks",
        &app.live_key,
        json!({ "url": live_receiver.url, "events": ["*"] }),
    )
    .await
    .expect(201);
    app.post(
        "/customers",
        &app.live_key,
        json!({ "name": "Live Customer" }),
    )
    .await
    .expect(201);
    app.customer("Test Customer").await;
    let live = live_receiver.wait_for(1, WAIT).await;
    let test = test_receiver.wait_for(1, WAIT).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(live_receiver.received().len(), 1);
    assert_eq!(test_receiver.received().len(), 1);
    assert_eq!(live[0].json()["livemode"], true);
    assert_eq!(live[0].json()["data"]["name"], "Live Customer");
    assert_eq!(test[0].json()["livemode"], false);
    assert_eq!(test[0].json()["data"]["name"], "Test Customer");
    // Another mode's delivery is a 404.
    app.get(
        &format!(
            "/webhook-deliveries/{}",
            test[0].header("x-vinsnap-delivery")
        ),
        &app.live_key,
    )
    .await
    .expect_error(404, "webhook_delivery_not_found");
}

#[tokio::test]
async fn disabling_an_endpoint_cancels_its_pending_retries() {
    // The first retry would come 0.6 s after the first attempt.
    let app = local_app(0.01).await;
    let receiver = Receiver::start(Vec::new(), Answer::status(500)).await;
    let (endpoint, _) = register(&app, &receiver.url, json!(["*"])).await;
    app.customer("Paused").await;
    let received = receiver.wait_for(1, WAIT).await;
    let disabled = app
        .put(
            &format!("/webhooks/{endpoint}"),
            &app.test_key,
            json!({ "active": false }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(disabled["disabled_reason"], "manual");
    let detail = settled(&app, received[0].header("x-vinsnap-delivery"), WAIT).await;
    assert_eq!(detail["status"], "failed");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(receiver.received().len(), 1);
    let shown = app
        .get(&format!("/webhooks/{endpoint}"), &app.test_key)
        .await
        .body;
    assert_eq!(
        shown["disabled_reason"], "manual",
        "not overwritten by the failed attempt"
    );
}

#[tokio::test]
async fn job_and_invoice_changes_arrive_as_their_events() {
    let app = local_app(0.001).await;
    let receiver = Receiver::ok().await;
    let (_, secret) = register(&app, &receiver.url, json!(["*"])).await;
    let key = &app.test_key;

    let (_, _, job) = crate::jobs::create_job(&app, key).await;
    let job_path = format!("/jobs/{}", job["id"].as_str().unwrap());
    let started = app
        .post(
            &format!("{job_path}/status"),
            key,
            json!({ "status": "in-progress" }),
        )
        .await
        .expect(200)
        .body;
    let completed = app
        .post(
            &format!("{job_path}/status"),
            key,
            json!({ "status": "completed" }),
        )
        .await
        .expect(200)
        .body;
    let invoice = app
        .post("/invoices", key, json!({ "job_id": job["id"] }))
        .await
        .expect(201)
        .body;
    let invoice_path = format!("/invoices/{}", invoice["id"].as_str().unwrap());
    let sent = app
        .call(
            reqwest::Method::POST,
            &format!("{invoice_path}/send"),
            Some(key),
            None,
        )
        .await;
    let sent = sent.expect(200).body;
    let pay = json!({ "amount": sent["total"], "method": "card" });
    let paid = app
        .post(&format!("{invoice_path}/pay"), key, pay)
        .await
        .expect(200)
        .body;

    // The job's customer.created, then seven job and invoice events. Deliveries run
    // concurrently, so arrival order is not event order; event ids are time-ordered.
    let mut received = receiver.wait_for(8, WAIT).await;
    received.sort_by_key(|r| r.json()["id"].as_str().unwrap().to_owned());
    let events: Vec<(String, serde_json::Value)> = received
        .iter()
        .map(|r| {
            let (timestamp, signature) = (
                r.header("x-vinsnap-timestamp"),
                r.header("x-vinsnap-signature"),
            );
            assert!(verify(&secret, timestamp, &r.body, signature));
            let body = r.json();
            (
                body["type"].as_str().unwrap().to_owned(),
                body["data"].clone(),
            )
        })
        .filter(|(kind, _)| !kind.starts_with("customer."))
        .collect();
    let kinds: Vec<&str> = events.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "job.created",
            "job.status_changed",
            "job.status_changed",
            "job.completed",
            "invoice.created",
            "invoice.sent",
            "invoice.paid"
        ],
        "one event per change, in the order of the changes"
    );
    assert_eq!(events[0].1, job);
    assert_eq!(events[1].1, started);
    assert_eq!(events[2].1, completed);
    assert_eq!(events[3].1, completed);
    assert_eq!(events[4].1["id"], invoice["id"]);
    assert_eq!(events[5].1["status"], "sent");
    assert_eq!(events[6].1["status"], "paid");
    assert_eq!(events[6].1["amount_paid"], paid["amount_paid"]);
}

#[tokio::test]
async fn metrics_count_attempts_and_settled_deliveries() {
    let app = local_app(0.001).await;
    // The first attempt fails, the retry (after 60 ms at this scale) succeeds.
    let receiver = Receiver::start(vec![Answer::status(500)], Answer::status(200)).await;
    let (endpoint, _) = register(&app, &receiver.url, json!(["customer.created"])).await;
    app.customer("Ann").await;
    let list = deliveries(&app, &endpoint, "").await;
    settled(&app, list["data"][0]["id"].as_str().unwrap(), WAIT).await;
    let metrics = app
        .raw(reqwest::Method::GET, "/metrics")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for series in [
        r#"vinsnap_webhook_attempts_total{outcome="failed"} 1"#,
        r#"vinsnap_webhook_attempts_total{outcome="succeeded"} 1"#,
        r#"vinsnap_webhook_deliveries_total{outcome="succeeded"} 1"#,
    ] {
        assert!(
            metrics.lines().any(|line| line == series),
            "{series}\n{metrics}"
        );
    }
    assert!(
        !metrics.contains(r#"vinsnap_webhook_deliveries_total{outcome="failed"}"#),
        "{metrics}"
    );
}
