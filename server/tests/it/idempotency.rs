//! `Idempotency-Key` on POST: replay of the first response, 409 for another request with the
//! same key, per-key scoping, 24 h retention.

use reqwest::Method;
use serde_json::{Value, json};
use vinsnap_server::db;
use vinsnap_server::http::idempotency::fingerprint;

use vinsnap_testkit::{Reply, TestServer};

async fn post(
    app: &TestServer,
    path: &str,
    key: &str,
    idempotency_key: &str,
    body: Value,
) -> Reply {
    let request = app
        .raw(Method::POST, path)
        .bearer_auth(key)
        .header("idempotency-key", idempotency_key)
        .json(&body);
    TestServer::reply(request).await
}

async fn customer_count(app: &TestServer) -> i64 {
    db::query("SELECT COUNT(*) FROM customers")
        .fetch_scalar(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_retry_replays_the_first_response_without_running_again() {
    let app = TestServer::start().await;
    let body = json!({ "name": "Sarah Chen", "email": "s.chen@email.com" });
    let first = post(&app, "/customers", &app.test_key, "order-1", body.clone())
        .await
        .expect(201);
    assert!(!first.headers.contains_key("idempotent-replayed"));
    let again = post(&app, "/customers", &app.test_key, "order-1", body)
        .await
        .expect(201);
    assert_eq!(again.body, first.body);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.headers["content-type"], "application/json");
    assert_ne!(again.headers["x-request-id"], first.headers["x-request-id"]);
    assert!(again.headers.contains_key("x-ratelimit-remaining"));
    assert_eq!(customer_count(&app).await, 1);

    // Without a key, the same body is a new customer.
    app.post(
        "/customers",
        &app.test_key,
        json!({ "name": "Sarah Chen", "email": "s.chen@email.com" }),
    )
    .await
    .expect(201);
    assert_eq!(customer_count(&app).await, 2);
}

#[tokio::test]
async fn the_same_key_for_another_request_is_409() {
    let app = TestServer::start().await;
    post(
        &app,
        "/customers",
        &app.test_key,
        "k-1",
        json!({ "name": "A" }),
    )
    .await
    .expect(201);
    let other_body = post(
        &app,
        "/customers",
        &app.test_key,
        "k-1",
        json!({ "name": "B" }),
    )
    .await
    .expect_error(409, "idempotency_key_reused");
    assert!(
        other_body.message().contains("k-1"),
        "{}",
        other_body.message()
    );
    let customer = app.customer("C").await;
    let other_path = format!("/customers/{}/vehicles", customer["id"].as_str().unwrap());
    post(
        &app,
        &other_path,
        &app.test_key,
        "k-1",
        json!({ "name": "A" }),
    )
    .await
    .expect_error(409, "idempotency_key_reused");
    assert_eq!(customer_count(&app).await, 2);
}

#[tokio::test]
async fn keys_are_scoped_to_the_api_key() {
    let app = TestServer::start().await;
    let a = post(
        &app,
        "/customers",
        &app.test_key,
        "shared",
        json!({ "name": "A" }),
    )
    .await
    .expect(201);
    // Same Idempotency-Key, other API key (here: other mode), other body: no conflict.
    let b = post(
        &app,
        "/customers",
        &app.live_key,
        "shared",
        json!({ "name": "B" }),
    )
    .await
    .expect(201);
    assert_ne!(a.body["id"], b.body["id"]);
}

#[tokio::test]
async fn client_errors_are_replayed_too_and_bad_keys_are_400() {
    let app = TestServer::start().await;
    let bad = json!({ "name": "A", "email": "nope" });
    let first = post(&app, "/customers", &app.test_key, "bad-1", bad.clone())
        .await
        .expect_error(400, "invalid_request");
    let again = post(&app, "/customers", &app.test_key, "bad-1", bad)
        .await
        .expect(400);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(
        again.body["error"]["message"],
        first.body["error"]["message"]
    );

    let reply = post(
        &app,
        "/customers",
        &app.test_key,
        &"k".repeat(256),
        json!({ "name": "A" }),
    )
    .await
    .expect_error(400, "invalid_idempotency_key");
    assert!(reply.message().contains("255"), "{}", reply.message());
    post(
        &app,
        "/customers",
        &app.test_key,
        "   ",
        json!({ "name": "A" }),
    )
    .await
    .expect_error(400, "invalid_idempotency_key");
    post(
        &app,
        "/customers",
        &app.test_key,
        &"k".repeat(255),
        json!({ "name": "A" }),
    )
    .await
    .expect(201);
    // A request without a valid API key is refused before the key is looked at.
    let anonymous = app
        .raw(Method::POST, "/customers")
        .header("idempotency-key", "x")
        .json(&json!({ "name": "A" }));
    TestServer::reply(anonymous)
        .await
        .expect_error(401, "missing_api_key");
}

#[tokio::test]
async fn a_key_whose_first_request_is_still_running_is_409_in_use() {
    let app = TestServer::start().await;
    let body = json!({ "name": "A" });
    let key_id: String = db::query("SELECT id FROM api_keys WHERE mode = 'test' LIMIT 1")
        .fetch_scalar(&app.db)
        .await
        .unwrap();
    // The row a request holds while its handler runs: claimed, no response yet.
    let bytes = serde_json::to_vec(&body).unwrap();
    db::query(
        "INSERT INTO idempotency_keys (api_key_id, key, fingerprint, created_at) VALUES ($1, 'busy', $2, $3)",
    )
    .bind(&key_id)
    .bind(fingerprint(&Method::POST, "/customers", &bytes))
    .bind(vinsnap_server::core::time::now())
    .execute(&app.db)
    .await
    .unwrap();
    let reply = post(&app, "/customers", &app.test_key, "busy", body)
        .await
        .expect_error(409, "idempotency_key_in_use");
    assert_eq!(reply.headers["retry-after"], "1");
    assert_eq!(customer_count(&app).await, 0);
}

#[tokio::test]
async fn keys_expire_after_24_hours() {
    let app = TestServer::start().await;
    post(
        &app,
        "/customers",
        &app.test_key,
        "old",
        json!({ "name": "A" }),
    )
    .await
    .expect(201);
    db::query("UPDATE idempotency_keys SET created_at = $1")
        .bind(vinsnap_server::core::time::now() - chrono::Duration::hours(25))
        .execute(&app.db)
        .await
        .unwrap();
    let reply = post(
        &app,
        "/customers",
        &app.test_key,
        "old",
        json!({ "name": "B" }),
    )
    .await
    .expect(201);
    assert_eq!(reply.body["name"], "B");
    assert_eq!(customer_count(&app).await, 2);
}
