//! The body every webhook delivery carries.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// An event as delivered: `{"id", "type", "created_at", "livemode", "data"}`, with `data` the
/// resource the event is about.
///
/// ```
/// use vinsnap::webhooks::{self, Event};
///
/// let body = br#"{"id":"evt_1","type":"ping","created_at":"2026-11-22T10:15:30Z","livemode":true,"data":{"hello":1}}"#;
/// let headers = webhooks::sign(body, &["whsec_s"], webhooks::now());
/// let Event::Ping(envelope) = webhooks::verify(body, &headers, "whsec_s").unwrap() else { panic!() };
/// assert_eq!((envelope.event_type.as_str(), envelope.livemode), ("ping", true));
/// assert_eq!(envelope.data["hello"], 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// The event id (`evt_…`), the same on every delivery attempt.
    pub id: String,
    /// The event type (`customer.created`).
    #[serde(rename = "type")]
    pub event_type: String,
    /// When the event happened.
    pub created_at: DateTime<Utc>,
    /// `true` for events about production data.
    pub livemode: bool,
    /// The resource, as it was when the event happened.
    pub data: T,
}

impl Envelope<serde_json::Value> {
    /// The same envelope with `data` read as a `T`.
    pub(crate) fn try_map<T: DeserializeOwned>(self) -> Result<Envelope<T>, serde_json::Error> {
        Ok(Envelope {
            data: serde_json::from_value(self.data)?,
            id: self.id,
            event_type: self.event_type,
            created_at: self.created_at,
            livemode: self.livemode,
        })
    }
}
