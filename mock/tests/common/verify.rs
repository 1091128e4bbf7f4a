//! The receiver's side of a webhook: the signature check an integrator
//! writes, implemented here independently of the mock's signing module
//! (DESIGN.md: `sha256=` + hex HMAC-SHA256 keyed with the secret's bytes over
//! `"{timestamp}.{raw body}"`, several comma-separated values during a
//! rotation, timestamps more than 300 s away refused).
//!
//! Swap point: once the SDK (`vinsnap`) is in the workspace, this function's
//! body becomes a call to the SDK's webhook verifier, so the suite proves the
//! mock's deliveries pass the verifier integrators actually use.

use hmac::{Hmac, Mac};
use sha2::Sha256;

const TOLERANCE_SECS: i64 = 300;

/// Checks a delivery: `Ok(())` when one of the signatures matches and the
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
