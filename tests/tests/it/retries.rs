//! The SDK's transport against scripted servers: retries, idempotency, rate limits, headers.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use vinsnap::Error;
use vinsnap::prelude::*;
use vinsnap::types::CreateCustomer;

use crate::scripted::{Scripted, envelope, example, json};

const CUSTOMER_ID: &str = "cus_01jd3q9a1bc2d3e4f5g6h7j8k9";

/// `GET /customers/{CUSTOMER_ID}` through `client`: the call most scenarios here script around.
async fn get_customer(
    client: &vinsnap::Client,
) -> Result<vinsnap::ResponseValue<vinsnap::types::Customer>, Error> {
    Ok(client.get_customer().id(CUSTOMER_ID).send().await?)
}

#[tokio::test]
async fn a_429_is_retried_after_retry_after() {
    let server = Scripted::start(|n, _| match n {
        0 => json(429, &envelope("rate_limited"), &[("retry-after", "1")]),
        _ => json(200, &example("get_customer", "200"), &[]),
    })
    .await;
    let started = Instant::now();
    let customer = get_customer(&server.client()).await.unwrap();
    assert_eq!(customer.id.as_str(), CUSTOMER_ID);
    assert_eq!(server.seen().len(), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_429_asking_for_too_long_is_returned_with_retry_after() {
    let server =
        Scripted::start(|_, _| json(429, &envelope("rate_limited"), &[("retry-after", "3600")]))
            .await;
    let error = get_customer(&server.client()).await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.code(), Some("rate_limited"));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(error.request_id(), Some("req_scripted"));
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn a_503_then_success_is_one_successful_call() {
    let server = Scripted::start(|n, _| match n {
        0 => json(503, &envelope("unavailable"), &[]),
        _ => json(200, &example("get_customer", "200"), &[]),
    })
    .await;
    get_customer(&server.client()).await.unwrap();
    assert_eq!(server.seen().len(), 2);
}

#[tokio::test]
async fn each_gateway_error_is_retried() {
    for status in [500, 502, 504] {
        let server = Scripted::start(move |n, _| match n {
            0 => json(status, &envelope("upstream"), &[]),
            _ => json(200, &example("get_customer", "200"), &[]),
        })
        .await;
        get_customer(&server.client()).await.unwrap();
        assert_eq!(server.seen().len(), 2, "{status}");
    }
}

#[tokio::test]
async fn a_400_is_not_retried() {
    let server = Scripted::start(|_, _| json(400, &envelope("invalid_request"), &[])).await;
    let error = get_customer(&server.client()).await.unwrap_err();
    assert_eq!(
        (error.status(), error.code()),
        (Some(400), Some("invalid_request"))
    );
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn retries_stop_after_max_retries_with_the_last_error() {
    let server = Scripted::start(|_, _| json(503, &envelope("unavailable"), &[])).await;
    let error = get_customer(&server.client()).await.unwrap_err();
    assert_eq!(
        (error.status(), error.code()),
        (Some(503), Some("unavailable"))
    );
    assert_eq!(
        server.seen().len(),
        3,
        "the first attempt and 2 retries (the default)"
    );

    let none = vinsnap::Client::builder("vsk_test_x")
        .base_url(&server.base)
        .max_retries(0)
        .build()
        .unwrap();
    get_customer(&none).await.unwrap_err();
    assert_eq!(server.seen().len(), 4, "max_retries(0): one attempt");
}

#[tokio::test]
async fn connection_errors_are_retried_then_reported_as_transport_errors() {
    // A port that was just free: nothing listens there.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let (recorder, _guard) = vinsnap_tests::recorder::Recorder::install();
    let client = vinsnap::Client::builder("vsk_test_x")
        .base_url(base)
        .backoff(Duration::from_millis(10), Duration::from_millis(20))
        .build()
        .unwrap();
    let error = get_customer(&client).await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert_eq!(error.status(), None);
    let calls = recorder.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!((calls[0].attempts, calls[0].status), (Some(3), None));
}

/// What a server that honours `Idempotency-Key` does: the first request with a key creates,
/// later ones with the same key replay. Here the first answer is lost (a 503 after creating).
#[tokio::test]
async fn a_retried_post_keeps_its_idempotency_key_and_creates_once() {
    let created: Arc<Mutex<HashMap<String, serde_json::Value>>> = Arc::default();
    let store = created.clone();
    let server = Scripted::start(move |n, request| {
        let key = request
            .header("idempotency-key")
            .expect("every POST has a key")
            .to_string();
        let mut store = store.lock().unwrap();
        let fresh = !store.contains_key(&key);
        let customer = store
            .entry(key)
            .or_insert_with(|| example("create_customer", "201"))
            .clone();
        if fresh && n == 0 {
            json(503, &envelope("unavailable"), &[])
        } else {
            json(201, &customer, &[])
        }
    })
    .await;
    let client = server.client();
    let body = || CreateCustomer::builder().name("Sarah Chen");
    client.create_customer().body(body()).send().await.unwrap();

    let seen = server.seen();
    assert_eq!(seen.len(), 2, "one retry after the 503");
    let keys: Vec<_> = seen
        .iter()
        .map(|s| s.header("idempotency-key").unwrap().to_string())
        .collect();
    assert_eq!(keys[0], keys[1], "the same key on every attempt");
    assert_eq!(seen[0].body, seen[1].body, "the same body on every attempt");
    assert_eq!(
        created.lock().unwrap().len(),
        1,
        "exactly one customer created"
    );

    client.create_customer().body(body()).send().await.unwrap();
    let third = server.seen()[2]
        .header("idempotency-key")
        .unwrap()
        .to_string();
    assert_ne!(third, keys[0], "each logical call has its own key");
    assert_eq!(created.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn gets_carry_no_idempotency_key() {
    let server = Scripted::start(|_, _| json(200, &example("get_customer", "200"), &[])).await;
    get_customer(&server.client()).await.unwrap();
    let seen = &server.seen()[0];
    assert_eq!(seen.method, axum::http::Method::GET);
    assert_eq!(seen.header("idempotency-key"), None);
}

#[tokio::test]
async fn every_request_is_authenticated_and_identifies_the_sdk() {
    let server = Scripted::start(|_, _| json(200, &example("get_customer", "200"), &[])).await;
    get_customer(&server.client()).await.unwrap();
    let seen = &server.seen()[0];
    assert_eq!(
        seen.header("authorization"),
        Some("Bearer vsk_test_scripted")
    );
    assert_eq!(
        seen.header("user-agent"),
        Some(concat!("vinsnap-rust/", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(seen.header("user-agent"), Some(vinsnap::USER_AGENT));
    assert_eq!(seen.path, format!("/customers/{CUSTOMER_ID}"));
}

#[tokio::test]
async fn the_last_rate_limit_reading_is_kept() {
    let server = Scripted::start(|n, _| {
        let remaining = (599 - n).to_string();
        let headers = [
            ("x-ratelimit-limit", "600"),
            ("x-ratelimit-remaining", remaining.as_str()),
            ("x-ratelimit-reset", "4102444800"),
        ];
        json(200, &example("get_customer", "200"), &headers)
    })
    .await;
    let client = server.client();
    assert_eq!(
        client.rate_limit(),
        None,
        "nothing read before the first call"
    );
    get_customer(&client).await.unwrap();
    let response = get_customer(&client).await.unwrap();
    let reading = client.rate_limit().unwrap();
    assert_eq!(
        (reading.limit, reading.remaining, reading.reset),
        (600, 598, 4102444800)
    );
    assert_eq!(
        vinsnap::RateLimit::from_headers(response.headers()),
        Some(reading)
    );
    assert_eq!(
        client.clone().rate_limit(),
        Some(reading),
        "clones share the reading"
    );
}

#[tokio::test]
async fn an_error_without_an_envelope_is_still_an_api_error() {
    let server = Scripted::start(|_, _| {
        axum::response::IntoResponse::into_response((
            axum::http::StatusCode::IM_A_TEAPOT,
            "short and stout",
        ))
    })
    .await;
    let error = get_customer(&server.client()).await.unwrap_err();
    let api = error.api().expect("an API error");
    assert_eq!((api.status.as_u16(), api.code.as_deref()), (418, None));
    assert_eq!(api.message, "short and stout");
}

#[tokio::test]
async fn a_body_that_is_not_the_documented_type_is_a_decode_error() {
    let server =
        Scripted::start(|_, _| json(200, &serde_json::json!({"unexpected": true}), &[])).await;
    let error = get_customer(&server.client()).await.unwrap_err();
    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
}
