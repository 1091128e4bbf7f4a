//! The signature scheme.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::{Envelope, Event};

/// The event type of a delivery.
///
/// ```
/// assert_eq!(vinsnap::webhooks::EVENT_HEADER, "x-vinsnap-event");
/// ```
pub const EVENT_HEADER: HeaderName = HeaderName::from_static(vinsnap_signing::EVENT_HEADER);
/// The delivery id, stable across retries: a receiver's dedupe key.
///
/// ```
/// assert_eq!(vinsnap::webhooks::DELIVERY_HEADER, "x-vinsnap-delivery");
/// ```
pub const DELIVERY_HEADER: HeaderName = HeaderName::from_static(vinsnap_signing::DELIVERY_HEADER);
/// When the delivery was signed, in Unix seconds.
///
/// ```
/// assert_eq!(vinsnap::webhooks::TIMESTAMP_HEADER, "x-vinsnap-timestamp");
/// ```
pub const TIMESTAMP_HEADER: HeaderName = HeaderName::from_static(vinsnap_signing::TIMESTAMP_HEADER);
/// One or more comma-separated `sha256=<hex>` signatures.
///
/// ```
/// assert_eq!(vinsnap::webhooks::SIGNATURE_HEADER, "x-vinsnap-signature");
/// ```
pub const SIGNATURE_HEADER: HeaderName = HeaderName::from_static(vinsnap_signing::SIGNATURE_HEADER);

/// How far a delivery's timestamp may be from now, either way: older deliveries are replays.
///
/// ```
/// assert_eq!(vinsnap::webhooks::TOLERANCE.as_secs(), 300);
/// ```
pub const TOLERANCE: Duration = Duration::from_secs(vinsnap_signing::TOLERANCE_SECS);

/// Why a delivery was rejected.
///
/// ```
/// use vinsnap::webhooks::{self, WebhookError};
///
/// let headers = webhooks::sign(b"{}", &["whsec_s"], 1_000);
/// match webhooks::verify_at(b"{}", &headers, "whsec_s", 2_000) {
///     Err(WebhookError::TooOld { age_secs }) => assert_eq!(age_secs, 1_000),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// A required header is absent (or not text).
    #[error("missing header {0}")]
    MissingHeader(HeaderName),
    /// `X-VinSnap-Timestamp` is not a whole number of seconds.
    #[error("X-VinSnap-Timestamp is not a Unix timestamp")]
    BadTimestamp,
    /// The timestamp is further from now than the tolerance ([`TOLERANCE`] unless given).
    #[error("the delivery's timestamp is {age_secs} s away from now, beyond the tolerance")]
    TooOld {
        /// Seconds between the timestamp and now (negative: in the future).
        age_secs: i64,
    },
    /// No `sha256=` value of `X-VinSnap-Signature` matches the secret.
    #[error("no signature matches the endpoint secret")]
    NoMatchingSignature,
    /// The signature is valid but the body is not a webhook event.
    #[error("the body is not a webhook event: {0}")]
    BadPayload(#[source] serde_json::Error),
}

impl WebhookError {
    /// A stable name for the kind of error, shared by every SDK's test vectors:
    /// `missing_header`, `bad_timestamp`, `too_old`, `no_matching_signature`, `bad_payload`.
    ///
    /// ```
    /// assert_eq!(vinsnap::webhooks::WebhookError::BadTimestamp.kind(), "bad_timestamp");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            WebhookError::MissingHeader(_) => "missing_header",
            WebhookError::BadTimestamp => "bad_timestamp",
            WebhookError::TooOld { .. } => "too_old",
            WebhookError::NoMatchingSignature => "no_matching_signature",
            WebhookError::BadPayload(_) => "bad_payload",
        }
    }
}

/// Checks a delivery's signature and timestamp against `secret` and returns its event.
///
/// `raw_body` must be the body exactly as received, before any JSON parsing.
///
/// ```
/// use vinsnap::webhooks;
///
/// let body = br#"{"id":"evt_1","type":"ping","created_at":"2026-11-22T10:15:30Z","livemode":false,"data":{}}"#;
/// let headers = webhooks::sign(body, &["whsec_right"], webhooks::now());
/// assert!(webhooks::verify(body, &headers, "whsec_right").is_ok());
/// let err = webhooks::verify(body, &headers, "whsec_wrong").unwrap_err();
/// assert_eq!(err.kind(), "no_matching_signature");
/// ```
pub fn verify(raw_body: &[u8], headers: &HeaderMap, secret: &str) -> Result<Event, WebhookError> {
    verify_at(raw_body, headers, secret, now())
}

/// [`verify`] as if the time were `now` (Unix seconds): for replaying recorded deliveries and
/// for test vectors.
///
/// ```
/// use vinsnap::webhooks;
///
/// let body = br#"{"id":"evt_1","type":"ping","created_at":"2026-11-22T10:15:30Z","livemode":false,"data":{}}"#;
/// let headers = webhooks::sign(body, &["whsec_s"], 1_795_000_000);
/// assert!(webhooks::verify_at(body, &headers, "whsec_s", 1_795_000_300).is_ok());
/// let late = webhooks::verify_at(body, &headers, "whsec_s", 1_795_000_301).unwrap_err();
/// assert_eq!(late.kind(), "too_old");
/// ```
pub fn verify_at(
    raw_body: &[u8],
    headers: &HeaderMap,
    secret: &str,
    now: i64,
) -> Result<Event, WebhookError> {
    verify_within(raw_body, headers, secret, now, TOLERANCE)
}

/// [`verify_at`] with a replay window other than [`TOLERANCE`].
///
/// ```
/// use std::time::Duration;
/// use vinsnap::webhooks;
///
/// let body = br#"{"id":"evt_1","type":"ping","created_at":"2026-11-22T10:15:30Z","livemode":false,"data":{}}"#;
/// let headers = webhooks::sign(body, &["whsec_s"], 1_795_000_000);
/// let within = |now, secs| webhooks::verify_within(body, &headers, "whsec_s", now, Duration::from_secs(secs));
/// assert!(within(1_795_000_600, 600).is_ok());
/// assert_eq!(within(1_795_000_061, 60).unwrap_err().kind(), "too_old");
/// ```
pub fn verify_within(
    raw_body: &[u8],
    headers: &HeaderMap,
    secret: &str,
    now: i64,
    tolerance: Duration,
) -> Result<Event, WebhookError> {
    check_signature(raw_body, headers, secret, now, tolerance)?;
    let envelope: Envelope<serde_json::Value> =
        serde_json::from_slice(raw_body).map_err(WebhookError::BadPayload)?;
    Event::from_envelope(envelope).map_err(WebhookError::BadPayload)
}

/// The signature and timestamp checks of [`verify_at`], without parsing the body.
///
/// ```
/// use vinsnap::webhooks;
///
/// let headers = webhooks::sign(b"not even json", &["whsec_s"], 1_795_000_000);
/// assert!(webhooks::verify_signature(b"not even json", &headers, "whsec_s", 1_795_000_000).is_ok());
/// ```
pub fn verify_signature(
    raw_body: &[u8],
    headers: &HeaderMap,
    secret: &str,
    now: i64,
) -> Result<(), WebhookError> {
    check_signature(raw_body, headers, secret, now, TOLERANCE)
}

fn check_signature(
    raw_body: &[u8],
    headers: &HeaderMap,
    secret: &str,
    now: i64,
    tolerance: Duration,
) -> Result<(), WebhookError> {
    let text = |name: HeaderName| -> Result<&str, WebhookError> {
        headers
            .get(&name)
            .and_then(|v| v.to_str().ok())
            .ok_or(WebhookError::MissingHeader(name))
    };
    let timestamp = text(TIMESTAMP_HEADER)?;
    let signatures = text(SIGNATURE_HEADER)?;
    let sent: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| WebhookError::BadTimestamp)?;
    let age_secs = now.saturating_sub(sent);
    if age_secs.unsigned_abs() > tolerance.as_secs() {
        return Err(WebhookError::TooOld { age_secs });
    }
    // The MAC covers the header's text as sent, compared in constant time.
    if vinsnap_signing::matches(secret, timestamp, raw_body, signatures) {
        Ok(())
    } else {
        Err(WebhookError::NoMatchingSignature)
    }
}

/// One signature value, `sha256=<hex>`, for `raw_body` sent at `timestamp` under `secret`.
///
/// ```
/// let value = vinsnap::webhooks::signature("whsec_s", 1_795_000_000, b"{}");
/// assert!(value.starts_with("sha256=") && value.len() == 7 + 64);
/// ```
pub fn signature(secret: &str, timestamp: i64, raw_body: &[u8]) -> String {
    vinsnap_signing::signature(secret, timestamp, raw_body)
}

/// The signing headers a delivery of `raw_body` at `timestamp` carries, one signature per
/// secret (several during a rotation), plus `X-VinSnap-Event` when the body names its type:
/// for testing a receiver.
///
/// ```
/// let headers = vinsnap::webhooks::sign(b"{\"type\":\"ping\"}", &["whsec_old", "whsec_new"], 1_795_000_000);
/// assert_eq!(headers["x-vinsnap-timestamp"], "1795000000");
/// assert_eq!(headers["x-vinsnap-signature"].to_str().unwrap().matches("sha256=").count(), 2);
/// assert_eq!(headers["x-vinsnap-event"], "ping");
/// ```
pub fn sign(raw_body: &[u8], secrets: &[&str], timestamp: i64) -> HeaderMap {
    let signatures = vinsnap_signing::header_value(secrets, timestamp, raw_body);
    let mut headers = HeaderMap::new();
    headers.insert(TIMESTAMP_HEADER, HeaderValue::from(timestamp));
    headers.insert(
        SIGNATURE_HEADER,
        HeaderValue::from_str(&signatures).expect("hex is a valid header value"),
    );
    let event_type = serde_json::from_slice::<serde_json::Value>(raw_body)
        .ok()
        .and_then(|body| body.get("type")?.as_str().map(str::to_string));
    if let Some(value) = event_type.and_then(|t| HeaderValue::from_str(&t).ok()) {
        headers.insert(EVENT_HEADER, value);
    }
    headers
}

/// The current time in Unix seconds, as [`verify`] sees it.
///
/// ```
/// assert!(vinsnap::webhooks::now() > 1_700_000_000);
/// ```
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
