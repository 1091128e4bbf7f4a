//! The Rust SDK's webhook verifier and signer.

use std::collections::HashMap;
use std::time::Duration;

use napi::bindgen_prelude::Buffer;
use napi_derive::napi;
use vinsnap::webhooks;

use crate::failure::{Failure, IntoNapi};

/// Verifies a delivery: its signature against `secret` and its timestamp within `tolerance`
/// seconds of `now` (Unix seconds, the clock when not given). Parsing the body into its event
/// is the Rust SDK's too, so a body that is not a known event of the right shape is refused
/// here; the package then hands out the body's JSON.
///
/// `headers` are names in any case; names or values that cannot be HTTP headers are skipped
/// (a missing signature is then reported as such).
#[napi]
pub fn verify_webhook(
    payload: Buffer,
    headers: HashMap<String, String>,
    secret: String,
    tolerance: f64,
    now: Option<f64>,
) -> napi::Result<()> {
    if !(tolerance.is_finite() && tolerance >= 0.0) {
        return Err(Failure::new(
            "invalid_tolerance",
            "the tolerance must be a number of seconds, 0 or more",
        )
        .into_napi());
    }
    let mut map = http::HeaderMap::new();
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.trim().as_bytes()),
            http::HeaderValue::from_str(value.trim()),
        ) {
            map.append(name, value);
        }
    }
    let now = now.map(|n| n as i64).unwrap_or_else(webhooks::now);
    webhooks::verify_within(
        &payload,
        &map,
        &secret,
        now,
        Duration::from_secs_f64(tolerance),
    )
    .map(|_| ())
    .map_err(|e| Failure::new(e.kind(), e.to_string()).into_napi())
}

/// The signing headers of a delivery of `payload` at `timestamp` (Unix seconds), one
/// signature per secret: for testing a receiver.
#[napi]
pub fn sign_webhook(
    payload: Buffer,
    secrets: Vec<String>,
    timestamp: i64,
) -> HashMap<String, String> {
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    webhooks::sign(&payload, &secrets, timestamp)
        .iter()
        .filter_map(|(name, value)| Some((name.to_string(), value.to_str().ok()?.to_string())))
        .collect()
}
