//! The behaviour of the sandbox, written once against a base URL so that
//! both transports (the wiremock library and the binary) run every case.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::Method;
use serde_json::{Value, json};
use vinsnap_mock::engine::LIST_TOTAL;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::verify::{self, verify_signature};
use crate::common::*;

const CUSTOMER: &str = "/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9";
const OTHER_ID: &str = "cus_0123456789abcdefghjkmnpqrs";

/// Every operation, called as documented, answers its success example.
pub async fn every_operation_replays_its_success_example(s: &Sandbox) {
    let spec = spec_with_webhooks();
    let schemas = ResponseSchemas::new(&spec);
    let mut checked = 0;
    for op in spec.operations() {
        let status = success_status(&op);
        let example = op
            .response_example(&status, None)
            .cloned()
            .unwrap_or(Value::Null);
        let answer = send(s.example_request(&op)).await;
        let what = format!("{} {}", op.method(), op.path());
        assert_eq!(answer.status.to_string(), status, "{what}: {}", answer.body);
        assert_common_headers(&answer);
        schemas
            .check(&op, &status, &answer.body)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        if is_list(&example) {
            // Paged over the sandbox collection, whose first items are the example's.
            let data = answer.body["data"].as_array().unwrap();
            assert_eq!(data.len(), 50.min(LIST_TOTAL), "{what}: default limit");
            assert_eq!(data[0], example["data"][0], "{what}");
            assert_eq!(answer.body["total"], LIST_TOTAL, "{what}");
        } else {
            assert_eq!(answer.body, example, "{what}");
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} operations in the spec?");
}

/// Every documented status and every named example, asked for with
/// `Prefer`, answers with that status and a body valid for it.
pub async fn every_documented_answer_matches_its_schema(s: &Sandbox) {
    let spec = spec_with_webhooks();
    let schemas = ResponseSchemas::new(&spec);
    let mut checked = 0;
    for op in spec.operations() {
        let what = format!("{} {}", op.method(), op.path());
        for status in op.documented_statuses() {
            let mut prefers = vec![format!("code={status}")];
            for example in op.response_examples(status) {
                if let Some(name) = example.name {
                    prefers.push(format!("code={status}, example={name}"));
                    prefers.push(format!("example={name}"));
                }
            }
            for prefer in prefers {
                let answer = send(s.example_request(&op).header("Prefer", &prefer)).await;
                let shown_status = if prefer.starts_with("example=") {
                    // A bare example name is looked up across statuses;
                    // the same name may exist under several.
                    answer.status.to_string()
                } else {
                    assert_eq!(answer.status.to_string(), status, "{what} Prefer: {prefer}");
                    status.to_owned()
                };
                schemas
                    .check(&op, &shown_status, &answer.body)
                    .unwrap_or_else(|e| panic!("{what} Prefer: {prefer}: {e}\n{}", answer.body));
                if answer.status >= 400 {
                    assert_envelope(&answer);
                } else {
                    assert_common_headers(&answer);
                }
                if let Some(name) = prefer.split("example=").nth(1) {
                    let documented = op.response_example(&shown_status, Some(name)).unwrap();
                    let mut expected = documented.clone();
                    if let Some(id) = expected.pointer_mut("/error/request_id") {
                        *id = answer.body["error"]["request_id"].clone();
                    }
                    assert_eq!(answer.body, expected, "{what} Prefer: {prefer}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} answers checked");
}

/// The answers the engine writes itself rather than replaying an example —
/// key, `Prefer`, path, query and body errors — for every operation: each
/// has a status the operation documents and a body valid for it.
pub async fn engine_made_errors_match_their_schemas(s: &Sandbox) {
    let spec = spec_with_webhooks();
    let schemas = ResponseSchemas::new(&spec);
    let mut checked = 0;
    for op in spec.operations() {
        let what = format!("{} {}", op.method(), op.path());
        let method = Method::from_bytes(op.method().as_str().as_bytes()).unwrap();
        let url = format!("{}{}", s.base, example_path(&op));
        // Each request below is the documented one with one thing wrong.
        let mut requests = vec![
            ("no key", s.client.request(method.clone(), &url)),
            (
                "live key",
                s.client
                    .request(method.clone(), &url)
                    .bearer_auth("vsk_live_4eC39HqLyjWDarjtT1zdp7dc"),
            ),
        ];
        for prefer in ["code=abc", "code=418", "example=no_such_example"] {
            let request = s.example_request(&op).header("Prefer", prefer);
            requests.push((prefer, request));
        }
        let path = example_path(&op);
        // Only a parameter with a pattern can be malformed (a VIN is any string to the spec).
        let patterned = op
            .parameters()
            .into_iter()
            .filter(|p| p["in"] == "path" && spec.resolve(&p["schema"]).get("pattern").is_some());
        for param in patterned {
            let example = param_example(op.spec(), param).unwrap();
            let bad = path.replacen(&format!("/{example}"), "/12345", 1);
            requests.push(("malformed path parameter", s.request(method.clone(), &bad)));
        }
        if op.parameters().iter().any(|p| p["in"] == "query") {
            let unknown = s.request(method.clone(), &format!("{path}?colour=red"));
            requests.push(("unknown query parameter", unknown));
        }
        if op.request_body().is_some() {
            let raw = |body: Vec<u8>, content_type: &str| {
                s.request(method.clone(), &path)
                    .header("content-type", content_type)
                    .body(body)
            };
            let oversized = vec![b' '; vinsnap_mock::engine::MAX_BODY_BYTES + 1];
            requests.extend([
                ("broken JSON", raw(b"{".to_vec(), "application/json")),
                (
                    "body of the wrong shape",
                    raw(b"[]".to_vec(), "application/json"),
                ),
                ("plain text", raw(b"{}".to_vec(), "text/plain")),
                ("oversized body", raw(oversized, "application/json")),
            ]);
        }
        for (case, request) in requests {
            let answer = send(request).await;
            let status = answer.status.to_string();
            assert!(
                op.documented_statuses().contains(&status.as_str()),
                "{what} ({case}): {status} is not documented: {}",
                answer.body
            );
            assert!(answer.status >= 400, "{what} ({case}): {status}");
            assert_envelope(&answer);
            schemas
                .check(&op, &status, &answer.body)
                .unwrap_or_else(|e| panic!("{what} ({case}): {e}\n{}", answer.body));
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} answers checked");
}

pub async fn path_parameters_are_echoed(s: &Sandbox) {
    let customer = send(s.get(&format!("/customers/{OTHER_ID}"))).await;
    assert_eq!(
        (customer.status, &customer.body["id"]),
        (200, &json!(OTHER_ID))
    );

    // A nested route: the customer's id lands in each vehicle's `customer_id`,
    // the vehicles keep their own ids.
    let vehicles = send(s.get(&format!("/customers/{OTHER_ID}/vehicles?limit=3"))).await;
    assert_eq!(vehicles.status, 200, "{}", vehicles.body);
    for vehicle in vehicles.body["data"].as_array().unwrap() {
        assert_eq!(vehicle["customer_id"], OTHER_ID);
        assert!(vehicle["id"].as_str().unwrap().starts_with("veh_"));
    }

    // Error examples name the requested id, as the server's would.
    let missing = send(
        s.get(&format!("/customers/{OTHER_ID}"))
            .header("Prefer", "code=404"),
    )
    .await;
    missing.assert_error(404, "customer_not_found");
    assert!(
        missing.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains(OTHER_ID)
    );

    let vin = send(s.get("/vin/WVWZZZ1JZXW000001")).await;
    assert_eq!(vin.body["vin"], "WVWZZZ1JZXW000001");
}

pub async fn lists_honour_limit_and_offset(s: &Sandbox) {
    let first = send(s.get("/customers?limit=7")).await;
    assert_eq!(first.status, 200);
    let data = first.body["data"].as_array().unwrap();
    assert_eq!(data.len(), 7);
    assert_eq!(
        (&first.body["has_more"], &first.body["total"]),
        (&json!(true), &json!(LIST_TOTAL))
    );

    let mut ids = std::collections::HashSet::new();
    let mut offset = 0;
    loop {
        let page = send(s.get(&format!("/customers?limit=100&offset={offset}"))).await;
        let data = page.body["data"].as_array().unwrap();
        ids.extend(data.iter().map(|c| c["id"].as_str().unwrap().to_owned()));
        offset += data.len();
        if page.body["has_more"] == false {
            break;
        }
        assert!(offset < 1000, "has_more never turns false");
    }
    assert_eq!(
        (offset, ids.len()),
        (LIST_TOTAL, LIST_TOTAL),
        "every item once, each with its own id"
    );
}

pub async fn only_test_keys_get_in(s: &Sandbox) {
    let url = format!("{}{CUSTOMER}", s.base);
    let live = send(
        s.client
            .get(&url)
            .bearer_auth("vsk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    )
    .await;
    live.assert_error(401, "live_key_in_sandbox");
    assert!(
        live.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Live keys don't work in the sandbox")
    );

    send(s.client.get(&url))
        .await
        .assert_error(401, "missing_api_key");
    send(s.client.get(&url).bearer_auth("sk_test_123"))
        .await
        .assert_error(401, "invalid_api_key");
    send(s.client.get(&url).bearer_auth("vsk_test_"))
        .await
        .assert_error(401, "invalid_api_key");
    send(
        s.client
            .get(&url)
            .header("Authorization", "Basic dXNlcjpwdw=="),
    )
    .await
    .assert_error(401, "invalid_authorization");
    // The key is checked before `Prefer` is honoured.
    send(s.client.get(&url).header("Prefer", "code=200"))
        .await
        .assert_error(401, "missing_api_key");
}

pub async fn prefer_picks_documented_answers(s: &Sandbox) {
    let not_found = send(s.get(CUSTOMER).header("Prefer", "code=404")).await;
    not_found.assert_error(404, "customer_not_found");

    let scope = send(s.get(CUSTOMER).header("Prefer", "example=missing_scope")).await;
    scope.assert_error(403, "missing_scope");
    let location = send(
        s.get(CUSTOMER)
            .header("Prefer", "code=403, example=location_forbidden"),
    )
    .await;
    location.assert_error(403, "location_forbidden");

    let teapot = send(s.get(CUSTOMER).header("Prefer", "code=418")).await;
    teapot.assert_error(400, "prefer_code_not_documented");
    let message = teapot.body["error"]["message"].as_str().unwrap();
    for code in ["200", "400", "401", "403", "404"] {
        assert!(message.contains(code), "lists {code}: {message}");
    }

    let unknown = send(s.get(CUSTOMER).header("Prefer", "example=nope")).await;
    unknown.assert_error(400, "prefer_example_not_found");
    assert!(
        unknown.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("customer_not_found (404)")
    );

    send(s.get(CUSTOMER).header("Prefer", "code=abc"))
        .await
        .assert_error(400, "invalid_prefer");

    // Forcing an answer skips validation: that is what integrators force errors for.
    let forced = send(s.get("/customers?limit=500").header("Prefer", "code=200")).await;
    assert_eq!(forced.status, 200);
}

pub async fn rate_limit_headers_follow_the_seed(s: &Sandbox) {
    let read = send(s.get(CUSTOMER)).await;
    assert_eq!(read.header("x-ratelimit-limit"), Some("600"));
    assert_eq!(read.header("x-ratelimit-remaining"), Some("599"));
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let reset: u64 = read.header("x-ratelimit-reset").unwrap().parse().unwrap();
    assert!(
        reset > now && reset <= now + 61,
        "reset {reset} is the next window after {now}"
    );

    let write = send(s.request(Method::DELETE, CUSTOMER)).await;
    assert_eq!(write.header("x-ratelimit-limit"), Some("120"));
    let vin = send(s.get("/vin/1HGCM82633A004352")).await;
    assert_eq!(vin.header("x-ratelimit-limit"), Some("30"));

    // The 429 response documents two examples; `example=` picks the plain over-the-limit one.
    let prefer = "code=429, example=rate_limited";
    let throttled = send(s.get(CUSTOMER).header("Prefer", prefer)).await;
    throttled.assert_error(429, "rate_limited");
    assert_eq!(throttled.header("x-ratelimit-remaining"), Some("0"));
    let retry: u64 = throttled
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
}

pub async fn path_and_query_are_validated(s: &Sandbox) {
    let bad_id = send(s.get("/customers/12345")).await;
    bad_id.assert_error(400, "invalid_id");
    assert_eq!(bad_id.body["error"]["param"], "id");
    assert!(
        bad_id.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`12345` is not a customer id")
    );
    // A well-prefixed id of the wrong length is still malformed.
    send(s.get("/customers/cus_123"))
        .await
        .assert_error(400, "invalid_id");

    for (query, param) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("location_id=nope", "location_id"),
        ("colour=red", "colour"),
    ] {
        let answer = send(s.get(&format!("/customers?{query}"))).await;
        answer.assert_error(400, "invalid_query");
        assert_eq!(
            answer.body["error"]["param"], param,
            "{query}: {}",
            answer.body
        );
    }
    assert_eq!(
        send(s.get("/customers?q=chen&limit=1&offset=0"))
            .await
            .status,
        200
    );
}

pub async fn bodies_are_validated(s: &Sandbox) {
    let post = |body: &str| {
        s.request(Method::POST, "/customers")
            .header("content-type", "application/json")
            .body(body.to_owned())
    };
    let cases = [
        (r#"{"name": 5}"#, "invalid_request", Some("name")),
        (r#"{"email": "a@b.c"}"#, "invalid_request", Some("name")),
        (
            r#"{"name": "A", "nickname": "B"}"#,
            "invalid_request",
            Some("nickname"),
        ),
        (
            r#"{"name": "A", "location_id": "x"}"#,
            "invalid_request",
            Some("location_id"),
        ),
        (r#"["name"]"#, "invalid_request", None),
        (r#"{"name": "A","#, "invalid_json", None),
        ("", "invalid_json", None),
    ];
    for (body, code, param) in cases {
        let answer = send(post(body)).await;
        answer.assert_error(400, code);
        assert_eq!(
            answer.body["error"]["param"].as_str(),
            param,
            "{body}: {}",
            answer.body
        );
    }
    let nested = send(
        s.request(Method::POST, "/api-keys")
            .json(&json!({"scopes": ["customers:read", "everything"]})),
    )
    .await;
    nested.assert_error(400, "invalid_request");
    assert_eq!(nested.body["error"]["param"], "scopes[1]");

    let plain = s
        .request(Method::POST, "/customers")
        .header("content-type", "text/plain")
        .body("{}");
    send(plain)
        .await
        .assert_error(415, "unsupported_media_type");
    let oversized = format!(
        r#"{{"name": "{}"}}"#,
        "x".repeat(vinsnap_mock::engine::MAX_BODY_BYTES)
    );
    send(post(&oversized))
        .await
        .assert_error(413, "payload_too_large");

    let created = send(post(r#"{"name": "Ada Lovelace", "phone": null}"#)).await;
    assert_eq!(created.status, 201, "{}", created.body);
}

pub async fn unknown_routes_and_methods(s: &Sandbox) {
    send(s.get("/nope"))
        .await
        .assert_error(404, "route_not_found");
    send(s.get("/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9/boats"))
        .await
        .assert_error(404, "route_not_found");
    // Unknown routes answer before the key is looked at, as on the server.
    send(s.client.get(format!("{}/nope", s.base)))
        .await
        .assert_error(404, "route_not_found");
    let wrong = send(s.request(Method::PATCH, "/customers")).await;
    wrong.assert_error(405, "method_not_allowed");
    assert_eq!(wrong.header("allow"), Some("GET, POST"));
    // A trailing slash is the same route.
    assert_eq!(send(s.get("/customers/")).await.status, 200);
}

/// Nothing a client sends makes the mock fail: every odd request is a 4xx envelope.
pub async fn odd_requests_are_4xx_envelopes(s: &Sandbox) {
    let paths = [
        "/%",
        "/%ff%fe",
        "/customers/%00",
        "/customers/%E2%82%AC",
        "/customers?limit=%ff",
        "/customers?limit=1&limit=x",
        "/customers?=",
        "/customers?&&&",
        "/customers?limit=99999999999999999999999",
        "//customers",
        "/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9/vehicles?offset=1e3",
        "/_mock/webhooks/trigger",
        "/vin/",
    ];
    for p in paths {
        let answer = send(s.get(p).header("Prefer", "code=200, example")).await;
        if answer.status >= 400 {
            assert!(answer.status < 500, "{p}: {}", answer.status);
            assert_envelope(&answer);
        }
    }
    let bodies: [&[u8]; 6] = [
        b"\xff\xfe",
        b"null",
        b"{\"name\": \"\\ud800\"}",
        b"1e999",
        b"{}{}",
        b"   ",
    ];
    for body in bodies {
        let answer = send(
            s.request(Method::PUT, CUSTOMER)
                .header("content-type", "application/json; charset=utf-8")
                .body(body.to_vec()),
        )
        .await;
        if answer.status >= 400 {
            assert!(answer.status < 500, "{body:?}: {}", answer.status);
            assert_envelope(&answer);
        }
    }
    let prefer = send(s.get(CUSTOMER).header("Prefer", &b"code=\xff"[..])).await;
    prefer.assert_error(400, "invalid_prefer");
}

/// The trigger sends the spec's example for the event, signed; the receiver's
/// status comes back; the signature passes a receiver's verifier.
pub async fn webhook_trigger_delivers_signed_examples(s: &Sandbox) {
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/hooks"))
        .respond_with(ResponseTemplate::new(202).set_body_string("queued"))
        .expect(1)
        .mount(&receiver)
        .await;
    let secret = "whsec_3Vd9mQ2xLp7R";
    let answer = send(
        s.request(Method::POST, vinsnap_mock::TRIGGER_PATH)
            .json(&json!({
                "event": "customer.created",
                "url": format!("{}/hooks", receiver.uri()),
                "secret": secret,
            })),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_common_headers(&answer);
    assert_eq!(
        (
            &answer.body["receiver_status"],
            &answer.body["receiver_body"]
        ),
        (&json!(202), &json!("queued"))
    );

    let delivered = receiver.received_requests().await.unwrap();
    let delivered = &delivered[0];
    let header = |name: &str| {
        delivered
            .headers
            .get(name)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(header("x-vinsnap-event"), "customer.created");
    assert_eq!(header("content-type"), "application/json");
    assert_eq!(
        header("x-vinsnap-delivery"),
        answer.body["delivery_id"].as_str().unwrap()
    );
    assert!(header("x-vinsnap-delivery").starts_with("dlv_"));
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    verify_signature(
        secret,
        &header("x-vinsnap-timestamp"),
        &header("x-vinsnap-signature"),
        &delivered.body,
        now,
    )
    .expect("the receiver's verifier accepts the delivery");
    assert!(
        verify_signature(
            "whsec_other",
            &header("x-vinsnap-timestamp"),
            &header("x-vinsnap-signature"),
            &delivered.body,
            now
        )
        .is_err(),
        "another secret does not verify"
    );
    // The SDK's verifier agrees, and types the event.
    let event = verify::sdk(secret, &delivered.headers, &delivered.body)
        .expect("the SDK's verifier accepts the delivery");
    let vinsnap::webhooks::Event::CustomerCreated(envelope) = &event else {
        panic!("customer.created parsed as {event:?}");
    };
    assert_eq!(envelope.id, answer.body["event_id"].as_str().unwrap());
    assert!(envelope.data.id.starts_with("cus_"));
    assert_eq!(
        verify::sdk("whsec_other", &delivered.headers, &delivered.body)
            .unwrap_err()
            .kind(),
        "no_matching_signature"
    );

    // The spec's example, with a fresh event id.
    let spec = spec_with_webhooks();
    let mut expected = spec
        .webhook("customer.created")
        .unwrap()
        .request_example(None)
        .unwrap()
        .clone();
    let payload: Value = serde_json::from_slice(&delivered.body).unwrap();
    assert_ne!(payload["id"], expected["id"]);
    assert!(payload["id"].as_str().unwrap().starts_with("evt_"));
    assert_eq!(payload["id"], answer.body["event_id"]);
    expected["id"] = payload["id"].clone();
    assert_eq!(payload, expected);
}

pub async fn webhook_trigger_refuses_bad_requests(s: &Sandbox) {
    let trigger = |body: Value| {
        s.request(Method::POST, vinsnap_mock::TRIGGER_PATH)
            .json(&body)
    };
    let unknown = send(trigger(
        json!({"event": "boat.sunk", "url": "http://127.0.0.1:9/", "secret": "s"}),
    ))
    .await;
    unknown.assert_error(400, "unknown_event");
    let message = unknown.body["error"]["message"].as_str().unwrap();
    let spec = spec_with_webhooks();
    let sendable = spec
        .webhooks()
        .filter(|op| op.request_example(None).is_some());
    for event in sendable.map(|op| op.path()) {
        assert!(message.contains(event), "lists {event}: {message}");
    }

    for (body, param) in [
        (
            json!({"url": "http://127.0.0.1:9/", "secret": "s"}),
            "event",
        ),
        (
            json!({"event": "ping", "url": "ftp://x/", "secret": "s"}),
            "url",
        ),
        (
            json!({"event": "ping", "url": "http://127.0.0.1:9/"}),
            "secret",
        ),
        (
            json!({"event": "ping", "url": "http://127.0.0.1:9/", "secret": "s", "extra": 1}),
            "extra",
        ),
    ] {
        let answer = send(trigger(body.clone())).await;
        answer.assert_error(400, "invalid_request");
        assert_eq!(answer.body["error"]["param"], param, "{body}");
    }
    let live = s
        .client
        .post(format!("{}{}", s.base, vinsnap_mock::TRIGGER_PATH))
        .bearer_auth("vsk_live_abc")
        .json(&json!({}));
    send(live).await.assert_error(401, "live_key_in_sandbox");
    send(s.get(vinsnap_mock::TRIGGER_PATH))
        .await
        .assert_error(405, "method_not_allowed");

    // Port 9 (discard) is closed on loopback: the receiver cannot be reached.
    let down = send(trigger(
        json!({"event": "ping", "url": "http://127.0.0.1:9/", "secret": "s"}),
    ))
    .await;
    down.assert_error(502, "webhook_delivery_failed");
}

/// Every event the spec documents, triggered, passes the SDK's verifier and
/// parses into the SDK's typed variant for its type (not `Event::Unknown`,
/// which would mean the SDK and the spec disagree on the event list).
pub async fn every_webhook_event_verifies_with_the_sdk(s: &Sandbox) {
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let spec = spec_with_webhooks();
    let events: Vec<&str> = spec
        .webhooks()
        .filter(|op| op.request_example(None).is_some())
        .map(|op| op.path())
        .collect();
    assert!(events.len() >= 2, "the spec documents events: {events:?}");
    let secret = "whsec_every_event";
    for name in &events {
        let answer = send(
            s.request(Method::POST, vinsnap_mock::TRIGGER_PATH)
                .json(&json!({"event": name, "url": receiver.uri(), "secret": secret})),
        )
        .await;
        assert_eq!(answer.status, 200, "{name}: {}", answer.body);
        let delivered = receiver.received_requests().await.unwrap();
        let delivered = delivered.last().unwrap();
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let header = |h: &str| delivered.headers[h].to_str().unwrap().to_owned();
        verify_signature(
            secret,
            &header("x-vinsnap-timestamp"),
            &header("x-vinsnap-signature"),
            &delivered.body,
            now,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let event = verify::sdk(secret, &delivered.headers, &delivered.body)
            .unwrap_or_else(|e| panic!("{name}: the SDK refuses the delivery: {e}"));
        assert!(
            !matches!(event, vinsnap::webhooks::Event::Unknown(_)),
            "{name}: the SDK does not know this event type"
        );
        assert!(vinsnap::webhooks::Event::TYPES.contains(name), "{name}");
        assert_eq!(event.event_type(), *name);
        assert_eq!(header("x-vinsnap-event"), *name);
        assert_eq!(Some(event.id()), answer.body["event_id"].as_str(), "{name}");
        assert!(!event.livemode(), "{name}: the sandbox sends test events");
    }
    assert_eq!(
        receiver.received_requests().await.unwrap().len(),
        events.len()
    );
}
