//! `Idempotency-Key` on POST: a retried request gets the first one's response instead of doing
//! the work twice.
//!
//! Keys are scoped to the API key and kept 24 hours. The same key with the same request (method,
//! path and body bytes) replays the stored status, body and `Content-Type`/`Location`, marked
//! `Idempotent-Replayed: true`. The same key with another request is a 409
//! `idempotency_key_reused`; while the first request is still running, a 409
//! `idempotency_key_in_use` with `Retry-After: 1`. Responses below 500 are kept (a 4xx says the
//! request itself is wrong, and will be again); a 5xx, a panic or a dropped connection releases
//! the key so that the retry runs afresh. Rate limiting runs first, so a 429 is never stored.
//!
//! A claim is held under a lease the request renews while it runs ([`Claims`]). A process that
//! dies mid-request (SIGKILL, power loss) renews nothing: once the lease lapses, the next
//! request with the key takes the claim over and runs. A process that shuts down releases its
//! unfinished claims at once (`store::release_instance`).

pub mod store;

use crate::db::Db;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::Rng;
use rand::distr::Alphanumeric;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;

use self::store::{Claim, Holder, Stored};
use super::error::{ApiError, ApiResult};
use super::extract::MAX_BODY_BYTES;
use crate::auth::Caller;
use crate::core::ids::ApiKeyId;
use crate::state::AppState;

pub const HEADER: &str = "idempotency-key";
pub const REPLAYED: &str = "idempotent-replayed";
pub const MAX_KEY_LEN: usize = 255;
/// What a key may be, as the spec states it: printable ASCII (spaces and tabs inside), no
/// surrounding white space. It is what `parse_key` takes: a header value as HTTP delivers it
/// (no surrounding white space) that reads as visible ASCII.
pub const KEY_PATTERN: &str = r"^[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?$";
const KEPT_HEADERS: [HeaderName; 2] = [header::CONTENT_TYPE, header::LOCATION];

/// How long a claim holds without being renewed, unless the server is told otherwise.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(10);

/// This process's claims: the name of this process instance (fresh at every start) and the
/// lease its claims are held under. A running request renews its claim four times a lease.
#[derive(Clone)]
pub struct Claims {
    pub instance: Arc<str>,
    pub lease: Duration,
}

impl Claims {
    pub fn new(lease: Duration) -> Self {
        Self {
            instance: format!("proc_{}", random(16)).into(),
            lease,
        }
    }
}

impl Default for Claims {
    fn default() -> Self {
        Self::new(DEFAULT_LEASE)
    }
}

/// Releases this process's unfinished claims (its requests have ended): their retries run at
/// once instead of waiting out a lease.
pub async fn release_instance_claims(state: &AppState) {
    match store::release_instance(&state.db, &state.idempotency.instance).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(claims = n, "released unfinished idempotency claims"),
        Err(err) => tracing::warn!(error = %err, "could not release idempotency claims"),
    }
}

fn random(len: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST || !request.headers().contains_key(HEADER) {
        return next.run(request).await;
    }
    // Without a valid key the handler refuses the request (401) and there is nothing to scope
    // the idempotency key to.
    let Some(caller) = request.extensions().get::<Caller>().cloned() else {
        return next.run(request).await;
    };
    idempotent(&state.db, &state.idempotency, &caller.key_id, request, next)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn idempotent(
    db: &Db,
    claims: &Claims,
    api_key: &ApiKeyId,
    request: Request,
    next: Next,
) -> ApiResult<Response> {
    let key = parse_key(request.headers())?;
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_BODY_BYTES).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("Request body is larger than the {MAX_BODY_BYTES} byte limit"),
        )
    })?;
    let target = parts.uri.path_and_query().map_or("", |p| p.as_str());
    let fingerprint = fingerprint(&parts.method, target, &bytes);
    let owner = format!("{}.{}", claims.instance, random(16));
    let holder = Holder {
        owner: &owner,
        lease: claims.lease,
    };
    if let Claim::Existing(stored) = store::claim(db, api_key, &key, &fingerprint, &holder).await? {
        return answer_existing(&key, stored, &fingerprint);
    }
    let mut claim = Held {
        db: db.clone(),
        api_key: api_key.clone(),
        key,
        owner: owner.clone(),
        finished: false,
    };
    let run = next.run(Request::from_parts(parts, Body::from(bytes)));
    tokio::pin!(run);
    let response = loop {
        tokio::select! {
            response = &mut run => break response,
            () = tokio::time::sleep(claims.lease / 4) => {
                match store::renew(db, api_key, &claim.key, &holder).await {
                    Ok(true) => {}
                    Ok(false) => tracing::warn!("an idempotency claim was lost while its request ran"),
                    Err(err) => tracing::warn!(error = %err, "could not renew an idempotency claim"),
                }
            }
        }
    };
    let (head, body) = response.into_parts();
    let body = to_bytes(body, usize::MAX)
        .await
        .map_err(|_| ApiError::internal())?;
    if !head.status.is_server_error() {
        let kept = kept_headers(&head.headers);
        let status = head.status.as_u16();
        store::finish(db, api_key, &claim.key, &owner, status, &kept, &body).await?;
        claim.finished = true;
    }
    Ok(Response::from_parts(head, Body::from(body)))
}

fn parse_key(headers: &HeaderMap) -> ApiResult<String> {
    let invalid = |why: &str| {
        ApiError::bad_request(
            "invalid_idempotency_key",
            format!("The Idempotency-Key header {why}"),
        )
    };
    let key = headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .ok_or_else(|| invalid("must be printable ASCII (a UUID is a good key)"))?;
    if key.is_empty() {
        return Err(invalid("is empty; send a unique value such as a UUID"));
    }
    if key.len() > MAX_KEY_LEN {
        return Err(invalid(&format!(
            "is {} characters long; the limit is {MAX_KEY_LEN}",
            key.len()
        )));
    }
    Ok(key.to_owned())
}

/// What identifies "the same request": method, path with query, and the body's bytes.
pub fn fingerprint(method: &Method, target: &str, body: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(method.as_str());
    hash.update(b"\n");
    hash.update(target);
    hash.update(b"\n");
    hash.update(body);
    hex::encode(hash.finalize())
}

fn answer_existing(key: &str, stored: Stored, fingerprint: &str) -> ApiResult<Response> {
    if stored.fingerprint != fingerprint {
        return Err(ApiError::conflict(
            "idempotency_key_reused",
            format!(
                "Idempotency-Key `{key}` was already used for a different request (another path or \
                 body) in the last 24 hours; send a new key for a new request"
            ),
        ));
    }
    let (Some(status), Some(body)) = (stored.status, stored.body) else {
        return Err(ApiError::conflict(
            "idempotency_key_in_use",
            format!(
                "A request with Idempotency-Key `{key}` is still being processed; retry once it has finished"
            ),
        )
        .with_retry_after(1));
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = u16::try_from(status)
        .ok()
        .and_then(|status| StatusCode::from_u16(status).ok())
        .ok_or_else(ApiError::internal)?;
    let headers: serde_json::Map<String, serde_json::Value> = stored
        .headers
        .as_deref()
        .and_then(|h| serde_json::from_str(h).ok())
        .unwrap_or_default();
    for (name, value) in headers {
        if let (Ok(name), Some(Ok(value))) = (
            HeaderName::try_from(name),
            value.as_str().map(HeaderValue::from_str),
        ) {
            response.headers_mut().insert(name, value);
        }
    }
    response
        .headers_mut()
        .insert(REPLAYED, HeaderValue::from_static("true"));
    Ok(response)
}

fn kept_headers(headers: &HeaderMap) -> String {
    let kept: serde_json::Map<String, serde_json::Value> = KEPT_HEADERS
        .iter()
        .filter_map(|name| {
            let value = headers.get(name)?.to_str().ok()?;
            Some((name.as_str().to_owned(), value.into()))
        })
        .collect();
    serde_json::Value::Object(kept).to_string()
}

/// A claimed key. Dropped unfinished (a 5xx, a panic, the client hanging up mid-request), it is
/// released so that the retry runs instead of waiting 24 hours on a response that never came.
struct Held {
    db: Db,
    api_key: ApiKeyId,
    key: String,
    owner: String,
    finished: bool,
}

impl Drop for Held {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        let (db, api_key, key, owner) = (
            self.db.clone(),
            self.api_key.clone(),
            std::mem::take(&mut self.key),
            std::mem::take(&mut self.owner),
        );
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Err(err) = store::release(&db, &api_key, &key, &owner).await {
                    tracing::warn!(error = %err, "could not release an idempotency key");
                }
            });
        }
    }
}
