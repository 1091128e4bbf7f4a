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

/// Writes the claim a request holds while its handler runs: no response yet, held by `owner`
/// until `lease_expires_ms`.
async fn hold_claim(app: &TestServer, key: &str, body: &Value, owner: &str, lease_expires_ms: i64) {
    let key_id: String = db::query("SELECT id FROM api_keys WHERE mode = 'test' LIMIT 1")
        .fetch_scalar(&app.db)
        .await
        .unwrap();
    let bytes = serde_json::to_vec(body).unwrap();
    db::query(
        "INSERT INTO idempotency_keys (api_key_id, key, fingerprint, created_at, owner,
                                       lease_expires_ms)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&key_id)
    .bind(key)
    .bind(fingerprint(&Method::POST, "/customers", &bytes))
    .bind(vinsnap_server::core::time::now())
    .bind(owner)
    .bind(lease_expires_ms)
    .execute(&app.db)
    .await
    .unwrap();
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[tokio::test]
async fn a_key_whose_first_request_is_still_running_is_409_in_use() {
    let app = TestServer::start().await;
    let body = json!({ "name": "A" });
    hold_claim(&app, "busy", &body, "proc_alive.1", now_ms() + 60_000).await;
    let reply = post(&app, "/customers", &app.test_key, "busy", body)
        .await
        .expect_error(409, "idempotency_key_in_use");
    assert_eq!(reply.headers["retry-after"], "1");
    assert_eq!(customer_count(&app).await, 0);
}

/// A process that died mid-request renews nothing: once the claim's lease has lapsed, the next
/// request with the key runs, and is then replayed as any other.
#[tokio::test]
async fn a_claim_whose_lease_lapsed_is_taken_over_by_the_retry() {
    let app = TestServer::start().await;
    let body = json!({ "name": "A" });
    hold_claim(&app, "orphan", &body, "proc_dead.1", now_ms() - 1).await;
    let created = post(&app, "/customers", &app.test_key, "orphan", body.clone())
        .await
        .expect(201);
    let replayed = post(&app, "/customers", &app.test_key, "orphan", body)
        .await
        .expect(201);
    assert_eq!(replayed.headers["idempotent-replayed"], "true");
    assert_eq!(replayed.body["id"], created.body["id"]);
    assert_eq!(customer_count(&app).await, 1);

    // The lapsed claim of another request is still that request's key.
    hold_claim(
        &app,
        "other",
        &json!({ "name": "B" }),
        "proc_dead.2",
        now_ms() - 1,
    )
    .await;
    post(
        &app,
        "/customers",
        &app.test_key,
        "other",
        json!({ "name": "C" }),
    )
    .await
    .expect_error(409, "idempotency_key_reused");
}

/// A request that runs for several leases keeps its claim: it renews the lease as it goes.
#[tokio::test]
async fn a_running_request_renews_its_claim() {
    // An SMTP server that accepts and never speaks: sending the invoice waits on it.
    let stalled = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let smtp = format!("smtp://{}", stalled.local_addr().unwrap());
    let app = TestServer::start_with(vinsnap_testkit::Options {
        smtp_url: Some(smtp),
        idempotency_lease: Some(std::time::Duration::from_millis(400)),
        ..Default::default()
    })
    .await;
    let invoice = invoice_for_mail(&app).await;
    let path = format!("/invoices/{}/send", invoice["id"].as_str().unwrap());
    let request = app
        .raw(Method::POST, &path)
        .bearer_auth(&app.test_key)
        .header("idempotency-key", "slow");
    let running = tokio::spawn(request.send());
    let (_connection, _) = stalled.accept().await.unwrap();

    let lease = || async {
        db::query("SELECT lease_expires_ms FROM idempotency_keys WHERE key = 'slow'")
            .fetch_scalar::<Option<i64>>(&app.db)
            .await
            .unwrap()
            .expect("a held claim has a lease")
    };
    let first = lease().await;
    while lease().await == first {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let retry = app
        .raw(Method::POST, &path)
        .bearer_auth(&app.test_key)
        .header("idempotency-key", "slow");
    TestServer::reply(retry)
        .await
        .expect_error(409, "idempotency_key_in_use");
    running.abort();
}

/// A customer with an email address and a draft invoice for them.
pub async fn invoice_for_mail(app: &TestServer) -> Value {
    let customer = app
        .post(
            "/customers",
            &app.test_key,
            json!({ "name": "Sarah Chen", "email": "s.chen@email.com" }),
        )
        .await
        .expect(201)
        .body;
    let line = json!({ "kind": "part", "description": "Pads", "quantity": 1, "unit_price": 4999 });
    app.post(
        "/invoices",
        &app.test_key,
        json!({ "customer_id": customer["id"], "line_items": [line] }),
    )
    .await
    .expect(201)
    .body
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

/// The real binary, SIGKILLed while a keyed POST runs (sending an invoice, waiting on the mail
/// server): its claim is left unfinished. After a restart the retry, with the same key, waits
/// out the lease (409 `idempotency_key_in_use` with `Retry-After`), then runs and sends the
/// invoice; a second retry replays that answer.
#[tokio::test]
async fn a_keyed_post_cut_by_sigkill_can_be_retried() {
    use std::path::Path;
    use vinsnap_testkit::process::ServerProcess;

    let binary = Path::new(env!("CARGO_BIN_EXE_vinsnap-server"));
    let dir = tempfile::tempdir().unwrap();
    let database = vinsnap_testkit::TestDatabase::new().await;
    let db = database.arg();
    let outbox = dir.path().join("outbox");
    let outbox_arg = outbox.to_str().unwrap();
    let key = vinsnap_testkit::seed_database(&database).await;
    let stalled = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let smtp = format!("smtp://{}", stalled.local_addr().unwrap());
    let lease = ["--idempotency-lease", "1"];
    let mut server = ServerProcess::start(
        binary,
        &db,
        &[
            &["--smtp-url", &smtp, "--outbox", outbox_arg][..],
            &lease[..],
        ]
        .concat(),
    )
    .await;

    let client = reqwest::Client::new();
    let call = |base: &str, method: Method, path: &str| {
        client
            .request(method, format!("{base}{path}"))
            .bearer_auth(&key)
    };
    let invoice = mailable_invoice(&server, &key).await;
    let send = format!("/invoices/{}/send", invoice["id"].as_str().unwrap());
    let cut = tokio::spawn(
        call(&server.base, Method::POST, &send)
            .header("idempotency-key", "send-once")
            .send(),
    );
    // The handler is talking to the mail server: the request is mid-flight.
    let (_connection, _) = stalled.accept().await.unwrap();
    server.kill().await;
    assert!(
        cut.await.unwrap().is_err(),
        "the first request got no answer"
    );

    let server = ServerProcess::start(
        binary,
        &db,
        &[&["--outbox", outbox_arg][..], &lease[..]].concat(),
    )
    .await;
    let retry = || async {
        TestServer::reply(
            call(&server.base, Method::POST, &send).header("idempotency-key", "send-once"),
        )
        .await
    };
    let mut waits = 0;
    let sent = loop {
        let reply = retry().await;
        if reply.status != 409 {
            break reply.expect(200);
        }
        assert_eq!(
            reply.error_code(),
            "idempotency_key_in_use",
            "{}",
            reply.body
        );
        waits += 1;
        assert!(waits < 30, "the key stayed locked");
        let secs: u64 = reply.headers["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        tokio::time::sleep(std::time::Duration::from_secs(secs)).await;
    };
    assert_eq!(sent.body["status"], "sent");
    assert_eq!(sent.body["id"], invoice["id"]);
    let replayed = retry().await.expect(200);
    assert_eq!(replayed.headers["idempotent-replayed"], "true");
    assert_eq!(replayed.body["message_id"], sent.body["message_id"]);
    let emails = std::fs::read_dir(&outbox).unwrap().count();
    assert_eq!(emails, 1, "the invoice was emailed once");
}

/// A customer with an email address and a draft invoice for them, on a server process.
pub async fn mailable_invoice(
    server: &vinsnap_testkit::process::ServerProcess,
    key: &str,
) -> Value {
    let customer = json!({ "name": "Sarah Chen", "email": "s.chen@email.com" });
    let customer = server.post(key, "/customers", customer).await;
    let line = json!({ "kind": "part", "description": "Pads", "quantity": 1, "unit_price": 4999 });
    let invoice = json!({ "customer_id": customer["id"], "line_items": [line] });
    server.post(key, "/invoices", invoice).await
}
