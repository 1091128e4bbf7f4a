//! A webhook receiver for tests: records every request and answers from a script.

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

#[derive(Debug, Clone)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: String,
    pub at: Instant,
}

impl Received {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("no {name} header"))
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

/// How the receiver answers one request.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
    pub delay: Duration,
}

impl Answer {
    pub fn status(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: String::new(),
            delay: Duration::ZERO,
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

#[derive(Default)]
struct Inner {
    received: Vec<Received>,
    script: VecDeque<Answer>,
}

pub struct Receiver {
    pub url: String,
    inner: Arc<Mutex<Inner>>,
    _stop: oneshot::Sender<()>,
}

impl Receiver {
    /// Answers `script` in order, then `default` for every later request.
    pub async fn start(script: Vec<Answer>, default: Answer) -> Self {
        let inner = Arc::new(Mutex::new(Inner {
            received: Vec::new(),
            script: script.into(),
        }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hooks/vinsnap", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let (state, fallback) = (inner.clone(), default);
        let app = axum::Router::new().fallback(move |headers: HeaderMap, body: Bytes| {
            let (state, fallback) = (state.clone(), fallback.clone());
            async move {
                let answer = {
                    let mut inner = state.lock().unwrap();
                    inner.received.push(Received {
                        headers,
                        body: String::from_utf8_lossy(&body).into_owned(),
                        at: Instant::now(),
                    });
                    inner.script.pop_front().unwrap_or(fallback)
                };
                tokio::time::sleep(answer.delay).await;
                respond(answer)
            }
        });
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
        Receiver {
            url,
            inner,
            _stop: stop,
        }
    }

    /// Always answers 200.
    pub async fn ok() -> Self {
        Self::start(Vec::new(), Answer::status(200).body("{\"received\":true}")).await
    }

    pub fn received(&self) -> Vec<Received> {
        self.inner.lock().unwrap().received.clone()
    }

    /// Waits until at least `n` requests arrived (for up to `limit`) and returns them all.
    pub async fn wait_for(&self, n: usize, limit: Duration) -> Vec<Received> {
        let start = Instant::now();
        loop {
            let received = self.received();
            if received.len() >= n {
                return received;
            }
            assert!(
                start.elapsed() < limit,
                "the receiver got {} of {n} requests within {limit:?}",
                received.len()
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

fn respond(answer: Answer) -> Response {
    let mut response = (StatusCode::from_u16(answer.status).unwrap(), answer.body).into_response();
    for (name, value) in answer.headers {
        response.headers_mut().insert(name, value.parse().unwrap());
    }
    response
}
