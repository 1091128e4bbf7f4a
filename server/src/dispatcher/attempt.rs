//! One signed POST of an event to an endpoint.

use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use tokio_util::sync::CancellationToken;

use crate::core::http_client::{Outcome, WebhookClient};
use crate::core::ids::DeliveryId;
use crate::events::EventType;

/// Everything one signed POST of a delivery needs, read from the database when the delivery is
/// claimed.
#[derive(Debug, Clone)]
pub struct Outbound {
    pub delivery_id: DeliveryId,
    pub event_type: EventType,
    pub url: String,
    pub payload: String,
    /// The secrets to sign with, newest first (two during a rotation).
    pub secrets: Vec<String>,
}

/// Sends the delivery's payload with a fresh timestamp and signatures over it; `None` when
/// `stopping` was cancelled (the server is shutting down) before the receiver answered.
pub async fn send(
    client: &WebhookClient,
    outbound: &Outbound,
    stopping: &CancellationToken,
) -> Option<Outcome> {
    let timestamp = chrono::Utc::now().timestamp();
    let secrets: Vec<&str> = outbound.secrets.iter().map(String::as_str).collect();
    let signature = vinsnap_signing::header_value(&secrets, timestamp, outbound.payload.as_bytes());
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let mut put = |name: &'static str, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    };
    put(vinsnap_signing::EVENT_HEADER, outbound.event_type.as_str());
    put(
        vinsnap_signing::DELIVERY_HEADER,
        outbound.delivery_id.as_str(),
    );
    put(vinsnap_signing::TIMESTAMP_HEADER, &timestamp.to_string());
    put(vinsnap_signing::SIGNATURE_HEADER, &signature);
    stopping
        .run_until_cancelled(client.post(&outbound.url, headers, outbound.payload.clone()))
        .await
}
