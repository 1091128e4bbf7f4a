//! The library and the binary give identical answers: the same requests go to
//! both, and status, headers and body must agree (request ids and the clock
//! aside).

mod common;

use common::{Answer, Sandbox, Transport, send, spec_with_webhooks};
use reqwest::Method;
use serde_json::{Value, json};

/// Headers that differ between any two answers by design.
const VOLATILE: [&str; 4] = ["x-request-id", "date", "x-ratelimit-reset", "retry-after"];

fn comparable(answer: &Answer) -> (u16, Vec<(String, String)>, Value) {
    let mut headers: Vec<(String, String)> = answer
        .headers
        .iter()
        .filter(|(name, _)| !VOLATILE.contains(&name.as_str()))
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap_or("?").to_owned()))
        .collect();
    headers.sort();
    let mut body = answer.body.clone();
    if let Some(id) = body.pointer_mut("/error/request_id") {
        *id = json!("req_");
    }
    // The throttling message counts down to the next window.
    if answer.status == 429
        && let Some(message) = body.pointer_mut("/error/message")
    {
        *message = json!("…");
    }
    (answer.status, headers, body)
}

#[tokio::test]
async fn library_and_binary_answer_alike() {
    let library = Sandbox::start(Transport::Library).await;
    let binary = Sandbox::start(Transport::Binary).await;
    let spec = spec_with_webhooks();
    let mut compared = 0;
    for op in spec.operations() {
        let mut prefers = vec![
            None,
            Some("code=429".to_owned()),
            Some("code=599".to_owned()),
        ];
        prefers.extend(
            op.documented_statuses()
                .into_iter()
                .map(|s| Some(format!("code={s}"))),
        );
        for prefer in prefers {
            let mut answers = Vec::new();
            for sandbox in [&library, &binary] {
                let mut request = sandbox.example_request(&op);
                if let Some(prefer) = &prefer {
                    request = request.header("Prefer", prefer);
                }
                answers.push(comparable(&send(request).await));
            }
            assert_eq!(
                answers[0],
                answers[1],
                "{} {} Prefer: {prefer:?}",
                op.method(),
                op.path()
            );
            compared += 1;
        }
    }
    let odd: Vec<(Method, &str, Option<&str>)> = vec![
        (Method::GET, "/nope", None),
        (Method::PATCH, "/customers", None),
        (Method::GET, "/customers/123", None),
        (Method::GET, "/customers?limit=0&q=x", None),
        (Method::GET, "/customers?limit=3&offset=118", None),
        (Method::POST, "/customers", Some(r#"{"name": 1}"#)),
        (Method::POST, "/customers", Some("{")),
        (
            Method::POST,
            "/_mock/webhooks/trigger",
            Some(r#"{"event": "nope", "url": "http://127.0.0.1:9/", "secret": "s"}"#),
        ),
    ];
    for (method, path, body) in odd {
        let mut answers = Vec::new();
        for sandbox in [&library, &binary] {
            let mut request = sandbox.request(method.clone(), path);
            if let Some(body) = body {
                request = request
                    .header("content-type", "application/json")
                    .body(body);
            }
            answers.push(comparable(&send(request).await));
        }
        assert_eq!(answers[0], answers[1], "{method} {path}");
        compared += 1;
    }
    assert!(compared > 80, "{compared}");
}
