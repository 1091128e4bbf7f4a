//! The Rust SDK's webhook verifier and signer.

use std::time::Duration;

use pyo3::prelude::*;
use vinsnap::webhooks;

use crate::convert;
use crate::errors::WebhookFailure;

/// Verifies a delivery and answers its body as JSON (typed by the package).
///
/// `headers` are `(name, value)` pairs in any case; pairs that cannot be HTTP headers are
/// skipped (a missing signature is then reported as such).
#[pyfunction]
#[pyo3(signature = (payload, headers, secret, tolerance, now=None))]
pub fn verify_webhook(
    py: Python<'_>,
    payload: &[u8],
    headers: Vec<(String, String)>,
    secret: &str,
    tolerance: u64,
    now: Option<i64>,
) -> PyResult<Py<PyAny>> {
    let mut map = http::HeaderMap::new();
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.trim().as_bytes()),
            http::HeaderValue::from_str(value.trim()),
        ) {
            map.append(name, value);
        }
    }
    let now = now.unwrap_or_else(webhooks::now);
    let event = webhooks::verify_within(payload, &map, secret, now, Duration::from_secs(tolerance))
        .map_err(|e| WebhookFailure::new_err((e.kind(), e.to_string())))?;
    let json = serde_json::to_value(&event)
        .map_err(|e| WebhookFailure::new_err(("bad_payload", e.to_string())))?;
    Ok(convert::to_py(py, &json)?.unbind())
}

/// The signing headers of a delivery of `payload` at `timestamp` (Unix seconds), one
/// signature per secret: for testing a receiver.
#[pyfunction]
pub fn sign_webhook(payload: &[u8], secrets: Vec<String>, timestamp: i64) -> Vec<(String, String)> {
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    webhooks::sign(payload, &secrets, timestamp)
        .iter()
        .filter_map(|(name, value)| Some((name.to_string(), value.to_str().ok()?.to_string())))
        .collect()
}
