//! The engine on its own, without a transport: what a new transport would build on.

use http::{HeaderMap, HeaderValue, Method};
use serde_json::json;
use vinsnap_mock::{Engine, MockRequest, Outcome};
use vinsnap_openapi::Spec;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.insert(*name, HeaderValue::from_str(value).unwrap());
    }
    map
}

fn request<'a>(
    method: &'a Method,
    path: &'a str,
    headers: &'a HeaderMap,
    body: &'a [u8],
) -> MockRequest<'a> {
    MockRequest {
        method,
        path,
        query: None,
        headers,
        body,
    }
}

#[test]
fn answers_are_plain_values() {
    let engine = Engine::committed().unwrap();
    let auth = headers(&[("authorization", "Bearer vsk_test_abc")]);
    let Outcome::Respond(answer) = engine.handle(&request(
        &Method::GET,
        "/customers/cus_0123456789abcdefghjkmnpqrs",
        &auth,
        b"",
    )) else {
        panic!("an operation answers at once");
    };
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.json_body().unwrap()["id"],
        "cus_0123456789abcdefghjkmnpqrs"
    );
    assert!(answer.headers.contains_key("x-request-id"));
}

#[test]
fn the_trigger_hands_the_delivery_to_the_transport() {
    let mut doc = Spec::committed().as_value().clone();
    doc["webhooks"] = json!({
        "thing.happened": {"post": {
            "requestBody": {"content": {"application/json": {"example": {"id": "evt_1", "type": "thing.happened"}}}},
            "responses": {"200": {"description": "ok"}}
        }},
        "thing.undocumented": {"post": {
            "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
            "responses": {"200": {"description": "ok"}}
        }}
    });
    let engine = Engine::new(&Spec::from_value(doc).unwrap()).unwrap();
    // An event without an example has no payload to send.
    assert_eq!(engine.webhook_events(), vec!["thing.happened"]);

    let h = headers(&[
        ("authorization", "Bearer vsk_test_abc"),
        ("content-type", "application/json"),
    ]);
    let body = br#"{"event": "thing.happened", "url": "http://127.0.0.1:9/", "secret": "s"}"#;
    let outcome = engine.handle(&request(
        &Method::POST,
        vinsnap_mock::TRIGGER_PATH,
        &h,
        body,
    ));
    assert!(matches!(outcome, Outcome::Deliver(_)), "{outcome:?}");

    let unknown =
        br#"{"event": "thing.undocumented", "url": "http://127.0.0.1:9/", "secret": "s"}"#;
    let Outcome::Respond(refused) = engine.handle(&request(
        &Method::POST,
        vinsnap_mock::TRIGGER_PATH,
        &h,
        unknown,
    )) else {
        panic!("refused at once");
    };
    assert_eq!(refused.status, 400);
    let error = &refused.json_body().unwrap()["error"];
    assert_eq!(error["code"], "unknown_event");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .ends_with("known event types: thing.happened"),
        "{error}"
    );
}

#[test]
fn a_spec_without_webhooks_says_so() {
    let engine = Engine::committed().unwrap();
    let h = headers(&[
        ("authorization", "Bearer vsk_test_abc"),
        ("content-type", "application/json"),
    ]);
    let doc_has_webhooks = Spec::committed().webhooks().next().is_some();
    let body = br#"{"event": "nope", "url": "http://127.0.0.1:9/", "secret": "s"}"#;
    let Outcome::Respond(answer) = engine.handle(&request(
        &Method::POST,
        vinsnap_mock::TRIGGER_PATH,
        &h,
        body,
    )) else {
        panic!("refused at once");
    };
    let message = answer.json_body().unwrap()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(answer.status, 400);
    assert_eq!(
        message.contains("the spec has no webhooks section"),
        !doc_has_webhooks,
        "{message}"
    );
}
