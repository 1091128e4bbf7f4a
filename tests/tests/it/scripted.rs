//! A local HTTP server whose answers the test scripts, recording every request it gets.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use tokio::sync::oneshot;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: Method,
    pub path: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

type Handler = dyn Fn(usize, &Seen) -> Response + Send + Sync;

pub struct Scripted {
    pub base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    _shutdown: oneshot::Sender<()>,
}

impl Scripted {
    /// Serves every request with `handler(n, request)`, `n` counting requests from 0.
    pub async fn start(
        handler: impl Fn(usize, &Seen) -> Response + Send + Sync + 'static,
    ) -> Scripted {
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let log = seen.clone();
        let app = axum::Router::new().fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let (log, handler) = (log.clone(), handler.clone());
                async move {
                    let request = Seen {
                        method,
                        path: uri.path().to_string(),
                        headers,
                        body,
                    };
                    let n = {
                        let mut log = log.lock().unwrap();
                        log.push(request.clone());
                        log.len() - 1
                    };
                    handler(n, &request)
                }
            },
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await
                .unwrap();
        });
        Scripted {
            base,
            seen,
            _shutdown: tx,
        }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// An SDK client for this server, with short backoffs so retries do not slow the tests.
    pub fn client(&self) -> vinsnap::Client {
        vinsnap::Client::builder("vsk_test_scripted")
            .base_url(&self.base)
            .backoff(
                std::time::Duration::from_millis(10),
                std::time::Duration::from_millis(50),
            )
            .build()
            .unwrap()
    }
}

/// A JSON response with `status`, a request id and `extra` headers.
pub fn json(status: u16, body: &serde_json::Value, extra: &[(&str, &str)]) -> Response {
    let mut response = (
        StatusCode::from_u16(status).unwrap(),
        [
            ("content-type", "application/json"),
            ("x-request-id", "req_scripted"),
        ],
        body.to_string(),
    )
        .into_response();
    for (name, value) in extra {
        response.headers_mut().insert(
            axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    response
}

/// The error envelope the API answers errors with.
pub fn envelope(code: &str) -> serde_json::Value {
    serde_json::json!({
        "success": false,
        "error": { "code": code, "message": format!("scripted {code}"), "request_id": "req_scripted" }
    })
}

/// The spec's example of the response `operation_id` documents for `status`: a body the SDK's
/// types accept, without writing one by hand.
pub fn example(operation_id: &str, status: &str) -> serde_json::Value {
    vinsnap_openapi::Spec::committed()
        .operation(operation_id)
        .and_then(|op| op.response_example(status, None).cloned())
        .unwrap_or_else(|| panic!("the spec has an example for {operation_id} {status}"))
}
