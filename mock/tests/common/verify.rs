//! The receiver's side of a webhook, twice over:
//! - [`sdk`]: the SDK's verifier (`vinsnap::webhooks::verify`), the one
//!   integrators call, so the suite proves the mock's deliveries pass it and
//!   parse into the SDK's typed `Event`;
//! - [`verify_signature`]: the check written from DESIGN.md alone, independent
//!   of both the mock's signing module and the SDK, so that a misreading of the
//!   design shared by those two cannot pass unnoticed. DESIGN.md: `sha256=`
//!   followed by the hex HMAC-SHA256, keyed with the secret's bytes, of
//!   `"{timestamp}.{raw body}"`; several comma-separated values during a
//!   rotation; timestamps more than 300 s away refused.

use hmac::{Hmac, Mac};
use http::HeaderMap;
use sha2::Sha256;
use vinsnap::webhooks::{Event, WebhookError};

const TOLERANCE_SECS: i64 = 300;

/// The SDK's verdict on a delivery as received (headers and raw body).
pub fn sdk(secret: &str, headers: &HeaderMap, raw_body: &[u8]) -> Result<Event, WebhookError> {
    vinsnap::webhooks::verify(raw_body, headers, secret)
}

/// Checks a delivery independently: `Ok(())` when one of the signatures matches and the
/// timestamp is fresh relative to `now` (unix seconds).
pub fn verify_signature(
    secret: &str,
    timestamp_header: &str,
    signature_header: &str,
    raw_body: &[u8],
    now: i64,
) -> Result<(), String> {
    let timestamp: i64 = timestamp_header
        .parse()
        .map_err(|_| format!("timestamp `{timestamp_header}` is not unix seconds"))?;
    if (now - timestamp).abs() > TOLERANCE_SECS {
        return Err(format!(
            "timestamp {timestamp} is more than {TOLERANCE_SECS}s from {now}"
        ));
    }
    for candidate in signature_header.split(',').map(str::trim) {
        let Some(hex_mac) = candidate.strip_prefix("sha256=") else {
            continue;
        };
        let Ok(expected) = hex::decode(hex_mac) else {
            continue;
        };
        let mut mac =
            Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|e| e.to_string())?;
        mac.update(format!("{timestamp}.").as_bytes());
        mac.update(raw_body);
        if mac.verify_slice(&expected).is_ok() {
            return Ok(());
        }
    }
    Err(format!("no signature in `{signature_header}` matches"))
}
