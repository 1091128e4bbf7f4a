//! What only the wiremock transport offers: a test's own mocks take
//! precedence over the engine, and wiremock's request verification works.

mod common;

use common::{TEST_KEY, send};
use serde_json::json;
use vinsnap_mock::MockApi;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, ResponseTemplate};

const CUSTOMER: &str = "/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9";

#[tokio::test]
async fn overrides_win_and_the_engine_answers_the_rest() {
    let api = MockApi::start().await;
    Mock::given(method("GET"))
        .and(path(CUSTOMER))
        .respond_with(ResponseTemplate::new(503).set_body_json(json!({"overridden": true})))
        .expect(1)
        .mount(api.server())
        .await;
    let client = reqwest::Client::new();
    let overridden = send(
        client
            .get(format!("{}{CUSTOMER}", api.uri()))
            .bearer_auth(TEST_KEY),
    )
    .await;
    assert_eq!(
        (overridden.status, overridden.body.clone()),
        (503, json!({"overridden": true}))
    );

    let other = send(
        client
            .get(format!("{}/customers", api.uri()))
            .bearer_auth(TEST_KEY),
    )
    .await;
    assert_eq!(other.status, 200, "the engine still answers other routes");
    // `expect(1)` is verified when the server drops; verify explicitly too.
    api.server().verify().await;
}

#[tokio::test]
async fn requests_are_recorded_for_verification() {
    let api = MockApi::start().await;
    Mock::given(method("POST"))
        .and(path("/customers"))
        .and(header(
            "authorization",
            format!("Bearer {TEST_KEY}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": "cus_x"})))
        .expect(1)
        .named("create customer")
        .mount(api.server())
        .await;
    let created = send(
        reqwest::Client::new()
            .post(format!("{}/customers", api.uri()))
            .bearer_auth(TEST_KEY)
            .json(&json!({"name": "Sarah Chen"})),
    )
    .await;
    assert_eq!(created.body["id"], "cus_x");
    let received = api
        .server()
        .received_requests()
        .await
        .expect("recording is on");
    assert_eq!(received.len(), 1);
    assert_eq!(
        received[0].body_json::<serde_json::Value>().unwrap(),
        json!({"name": "Sarah Chen"})
    );
}

#[tokio::test]
async fn a_spec_that_does_not_compile_is_an_error() {
    let spec = vinsnap_openapi::Spec::from_value(json!({
        "openapi": "3.1.0",
        "paths": {"/x": {"post": {
            "requestBody": {"content": {"application/json": {"schema": {"type": 12}}}},
            "responses": {"200": {"description": "ok"}}
        }}}
    }))
    .unwrap();
    let error = MockApi::start_with_spec(&spec).await.unwrap_err();
    assert!(error.to_string().contains("POST /x"), "{error}");
}
