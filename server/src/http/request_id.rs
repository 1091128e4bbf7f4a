//! `X-Request-Id` on every response, and the same id inside every error envelope.
//!
//! The id lives in a task-local for the duration of the request so that `ApiError` can render it
//! without every handler threading it through.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use rand::Rng;
use rand::distr::Alphanumeric;

pub const HEADER: &str = "x-request-id";

tokio::task_local! {
    static REQUEST_ID: String;
}

/// A fresh `req_…` id.
pub fn generate() -> String {
    let suffix: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(20)
        .map(|c| (c as char).to_ascii_uppercase())
        .collect();
    format!("req_{suffix}")
}

/// The current request's id (a fresh one outside a request, e.g. in a background task).
pub fn current() -> String {
    REQUEST_ID
        .try_with(Clone::clone)
        .unwrap_or_else(|_| generate())
}

pub async fn middleware(request: Request, next: Next) -> Response {
    let id = generate();
    let mut response = REQUEST_ID.scope(id.clone(), next.run(request)).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, value);
    }
    response
}
