//! The one place every request goes through: the `exec` hook of the generated client.
//!
//! Auth and the user agent are set once on the `reqwest::Client` (see [`crate::ClientBuilder`]);
//! everything that depends on the call happens here, per logical call: the `Idempotency-Key`
//! (made once, so every retry carries the same one), the retry loop, rate-limit capture, tracing
//! spans, buffering an error response's body so it can become a typed [`crate::Error`]
//! without another await, the JSON body edits that let a call send an explicit `null`, and
//! keeping a response's body as sent for the dispatch entry point.

mod capture;
mod nulls;
mod retry;

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use progenitor_client::{ClientHooks, ClientInfo, OperationInfo};
use rand::Rng;
use reqwest::header::{HeaderName, HeaderValue};
use reqwest::{Method, Request, Response, ResponseBuilderExt};
use tracing::{Instrument, Span, field::Empty};

use crate::error::ApiError;
use crate::generated::progenitor::Client as Generated;
use crate::rate_limit::RateLimit;

pub(crate) use capture::capturing;
pub use nulls::with_explicit_nulls;
pub(crate) use nulls::{BodyEdit, with_body_edit};
use retry::Outcome;
pub(crate) use retry::{RetryPolicy, retry_after};

/// The header that makes a POST safe to retry: the server replays the first response for a
/// repeated key instead of creating twice. The SDK sets it on every POST.
///
/// ```
/// assert_eq!(vinsnap::IDEMPOTENCY_KEY, "idempotency-key");
/// ```
pub const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The SDK's state inside the generated client: retry policy and the last rate-limit reading.
///
/// Cheap to clone (clones share the rate-limit reading); built by [`crate::ClientBuilder`].
#[derive(Debug, Clone)]
pub struct Transport {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    policy: RetryPolicy,
    rate_limit: Mutex<Option<RateLimit>>,
}

impl Transport {
    pub(crate) fn new(policy: RetryPolicy) -> Transport {
        Transport {
            shared: Arc::new(Shared {
                policy,
                rate_limit: Mutex::new(None),
            }),
        }
    }

    pub(crate) fn policy(&self) -> RetryPolicy {
        self.shared.policy
    }

    pub(crate) fn rate_limit(&self) -> Option<RateLimit> {
        *self
            .shared
            .rate_limit
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    async fn call(
        &self,
        client: &reqwest::Client,
        mut request: Request,
        info: &OperationInfo,
    ) -> reqwest::Result<Response> {
        nulls::apply(&mut request);
        if request.method() == Method::POST && !request.headers().contains_key(IDEMPOTENCY_KEY) {
            request
                .headers_mut()
                .insert(IDEMPOTENCY_KEY, new_idempotency_key());
        }
        let span = tracing::info_span!(
            "vinsnap.request",
            operation_id = info.operation_id,
            method = %request.method(),
            path = request.url().path(),
            status = Empty,
            request_id = Empty,
            attempts = Empty,
        );
        self.with_retries(client, request).instrument(span).await
    }

    async fn with_retries(
        &self,
        client: &reqwest::Client,
        mut request: Request,
    ) -> reqwest::Result<Response> {
        let policy = self.policy();
        let mut attempt = 1;
        loop {
            // A streamed body cannot be replayed: such a request gets a single attempt.
            let replay = request.try_clone();
            let span = tracing::info_span!(
                "vinsnap.attempt",
                attempt,
                status = Empty,
                request_id = Empty
            );
            let result = client.execute(request).instrument(span.clone()).await;
            let outcome = match &result {
                Ok(response) => {
                    self.observe(response);
                    record(&span, response);
                    Outcome::Response(response.status(), response.headers())
                }
                Err(error) => {
                    tracing::debug!(parent: &span, %error, "request failed");
                    Outcome::Error(error)
                }
            };
            let delay = replay.as_ref().and(policy.delay(attempt, outcome));
            match (delay, replay) {
                (Some(delay), Some(next)) => {
                    tracing::debug!(parent: &span, ?delay, "retrying");
                    tokio::time::sleep(delay).await;
                    request = next;
                    attempt += 1;
                }
                _ => {
                    let current = Span::current();
                    current.record("attempts", attempt);
                    if let Ok(response) = &result {
                        record(&current, response);
                    }
                    return settle(result?).await;
                }
            }
        }
    }

    fn observe(&self, response: &Response) {
        if let Some(reading) = RateLimit::from_headers(response.headers()) {
            *self
                .shared
                .rate_limit
                .lock()
                .unwrap_or_else(|e| e.into_inner()) = Some(reading);
        }
    }
}

impl ClientHooks<Transport> for Generated {
    async fn exec(&self, request: Request, info: &OperationInfo) -> reqwest::Result<Response> {
        self.inner().call(self.client(), request, info).await
    }
}

fn record(span: &Span, response: &Response) {
    span.record("status", response.status().as_u16());
    if let Some(id) = response
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
    {
        span.record("request_id", id);
    }
}

/// An error response, buffered and with its [`ApiError`] attached as an extension: the
/// generated code hands undocumented statuses back unread, and turning them into a
/// [`crate::Error`] must not need another await.
async fn settle(response: Response) -> reqwest::Result<Response> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return capture::keep(response).await;
    }
    let (mut response, body) = buffered(response).await?;
    let error = ApiError::from_response(status, response.headers(), &body);
    response.extensions_mut().insert(error);
    Ok(response)
}

/// `response` with its body read into memory, and that body.
async fn buffered(response: Response) -> reqwest::Result<(Response, Bytes)> {
    let status = response.status();
    let version = response.version();
    let headers = response.headers().clone();
    // Given its URL, the rebuilt response need not parse a placeholder one.
    let url = response.url().clone();
    let body = response.bytes().await?;
    let mut rebuilt = http::Response::builder()
        .status(status)
        .version(version)
        .url(url)
        .body(body.clone())
        .expect("the parts of a response received");
    *rebuilt.headers_mut() = headers;
    Ok((Response::from(rebuilt), body))
}

fn new_idempotency_key() -> HeaderValue {
    let key = format!("idk_{:032x}", rand::rng().random::<u128>());
    HeaderValue::from_str(&key).expect("hex is a valid header value")
}
