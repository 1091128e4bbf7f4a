//! The webhook trigger: `POST /_mock/webhooks/trigger` with
//! `{"event", "url", "secret"}` sends the spec's example payload for that
//! event type to `url`, signed as the real server signs, and answers with the
//! receiver's status. Neither stripe-mock nor Prism can do this.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::StatusCode;
use serde_json::{Value, json};
use vinsnap_openapi::Spec;

use crate::engine::envelope::{ApiError, MockResponse, new_resource_id};

/// The mock-only route of the trigger.
pub const TRIGGER_PATH: &str = "/_mock/webhooks/trigger";

/// How long the trigger waits for the receiver.
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// How much of the receiver's answer the trigger reports back.
const EXCERPT_BYTES: usize = 1024;

/// The event types the spec's `webhooks` section documents, each with the
/// example payload a delivery sends.
#[derive(Debug, Default)]
pub(crate) struct Catalog {
    payloads: BTreeMap<String, Value>,
}

impl Catalog {
    /// Every `POST` webhook with a JSON request example; webhooks without an
    /// example have no payload to send and are left out.
    pub(crate) fn from_spec(spec: &Spec) -> Catalog {
        let payloads = spec
            .webhooks()
            .filter(|op| op.method() == vinsnap_openapi::Method::Post)
            .filter_map(|op| Some((op.path().to_owned(), op.request_example(None)?.clone())))
            .collect();
        Catalog { payloads }
    }

    pub(crate) fn events(&self) -> impl Iterator<Item = &str> {
        self.payloads.keys().map(String::as_str)
    }

    /// Reads a trigger request body into a ready-to-send delivery.
    pub(crate) fn prepare(&self, body: &[u8]) -> Result<Delivery, ApiError> {
        let request: Value = serde_json::from_slice(body).map_err(|e| {
            ApiError::bad_request(
                "invalid_json",
                format!("Request body is not valid JSON: {e}"),
            )
        })?;
        let Some(fields) = request.as_object() else {
            return Err(ApiError::bad_request(
                "invalid_request",
                "Send a JSON object: {\"event\", \"url\", \"secret\"}",
            ));
        };
        if let Some(unknown) = fields
            .keys()
            .find(|k| !["event", "url", "secret"].contains(&k.as_str()))
        {
            return Err(ApiError::bad_request(
                "invalid_request",
                format!("unknown field `{unknown}`, expected one of `event`, `url`, `secret`"),
            )
            .with_param(unknown));
        }
        let text = |name: &str| -> Result<&str, ApiError> {
            fields
                .get(name)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .ok_or_else(|| {
                    ApiError::bad_request(
                        "invalid_request",
                        format!("`{name}` is required: a non-empty string"),
                    )
                    .with_param(name)
                })
        };
        let (event, url, secret) = (text("event")?, text("url")?, text("secret")?);
        let Some(example) = self.payloads.get(event) else {
            let known: Vec<&str> = self.events().collect();
            return Err(ApiError::bad_request(
                "unknown_event",
                format!(
                    "`{event}` is not an event type of this spec; known event types: {}",
                    if known.is_empty() {
                        "none (the spec has no webhooks section)".to_owned()
                    } else {
                        known.join(", ")
                    }
                ),
            )
            .with_param("event"));
        };
        let url = reqwest::Url::parse(url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .ok_or_else(|| {
                ApiError::bad_request(
                    "invalid_request",
                    format!("`url` must be an http(s) URL, got `{url}`"),
                )
                .with_param("url")
            })?;
        let mut payload = example.clone();
        // Receivers dedupe on the event id, so each trigger is a new event.
        if let Some(id) = payload.get_mut("id")
            && let Some((prefix, _)) = id.as_str().and_then(|s| s.split_once('_'))
        {
            *id = json!(new_resource_id(&format!("{prefix}_")));
        }
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let body = serde_json::to_vec(&payload).unwrap_or_default();
        Ok(Delivery {
            event: event.to_owned(),
            delivery_id: new_resource_id("dlv_"),
            signature: vinsnap_signing::signature(secret, timestamp, &body),
            event_id: payload.get("id").cloned().unwrap_or(Value::Null),
            timestamp,
            url,
            body,
        })
    }
}

/// A signed event ready to be POSTed to the receiver.
#[derive(Debug, Clone)]
pub struct Delivery {
    event: String,
    delivery_id: String,
    event_id: Value,
    timestamp: i64,
    signature: String,
    url: reqwest::Url,
    body: Vec<u8>,
}

impl Delivery {
    /// Sends the event and reports the receiver's answer, or a 502 envelope
    /// when the receiver cannot be reached.
    pub(crate) async fn send(&self) -> Result<MockResponse, ApiError> {
        let client = reqwest::Client::builder()
            .timeout(DELIVERY_TIMEOUT)
            // The real dispatcher never follows redirects.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| unreachable_receiver(&self.url, &e))?;
        let answer = client
            .post(self.url.clone())
            .header("content-type", "application/json")
            .header("user-agent", "VinSnap-Webhooks/1 (sandbox mock)")
            .header(vinsnap_signing::EVENT_HEADER, &self.event)
            .header(vinsnap_signing::DELIVERY_HEADER, &self.delivery_id)
            .header(
                vinsnap_signing::TIMESTAMP_HEADER,
                self.timestamp.to_string(),
            )
            .header(vinsnap_signing::SIGNATURE_HEADER, &self.signature)
            .body(self.body.clone())
            .send()
            .await
            .map_err(|e| unreachable_receiver(&self.url, &e))?;
        let status = answer.status().as_u16();
        let bytes = answer.bytes().await.unwrap_or_default();
        let excerpt =
            String::from_utf8_lossy(&bytes[..bytes.len().min(EXCERPT_BYTES)]).into_owned();
        Ok(MockResponse::json(
            StatusCode::OK,
            &json!({
                "event": self.event,
                "event_id": self.event_id,
                "delivery_id": self.delivery_id,
                "url": self.url.as_str(),
                "timestamp": self.timestamp,
                "signature": self.signature,
                "receiver_status": status,
                "receiver_body": excerpt,
            }),
        ))
    }

    /// [`Delivery::send`] for callers that cannot await (wiremock's
    /// responders are synchronous): the request runs on a thread of its own,
    /// so the receiver may live on the caller's runtime without a deadlock.
    pub(crate) fn send_blocking(&self) -> Result<MockResponse, ApiError> {
        std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .map_err(|e| unreachable_receiver(&self.url, &e))?
                        .block_on(self.send())
                })
                .join()
                .unwrap_or_else(|_| {
                    Err(ApiError::new(
                        502,
                        "webhook_delivery_failed",
                        "The delivery thread stopped",
                    ))
                })
        })
    }
}

fn unreachable_receiver(url: &reqwest::Url, error: &dyn std::error::Error) -> ApiError {
    let mut detail = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        detail.push_str(": ");
        detail.push_str(&inner.to_string());
        source = inner.source();
    }
    ApiError::new(
        502,
        "webhook_delivery_failed",
        format!("Could not deliver to {url}: {detail}"),
    )
    .with_param("url")
}
