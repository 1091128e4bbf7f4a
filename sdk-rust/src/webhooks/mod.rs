//! Verifying webhook deliveries, and signing test ones.
//!
//! Each delivery is signed as DESIGN.md lays out: `X-VinSnap-Timestamp` holds Unix seconds and
//! `X-VinSnap-Signature` one or more comma-separated `sha256=` values, each the hex
//! HMAC-SHA256 of `"{timestamp}.{raw body}"` keyed with an endpoint secret's bytes (during a
//! secret rotation, one value per secret). [`verify`] accepts a delivery when any value matches
//! (compared in constant time) and the timestamp is within [`TOLERANCE`] of now, then parses the
//! body into a typed [`Event`].
//!
//! ```
//! use vinsnap::webhooks::{self, Event};
//!
//! let body = br#"{"id":"evt_1","type":"ping","created_at":"2026-11-22T10:15:30Z","livemode":false,"data":{}}"#;
//! let headers = webhooks::sign(body, &["whsec_test"], webhooks::now());
//! let event = webhooks::verify(body, &headers, "whsec_test").unwrap();
//! assert!(matches!(event, Event::Ping(_)));
//! assert_eq!(event.id(), "evt_1");
//! ```

mod envelope;
mod signature;

pub use crate::generated::events::Event;
pub use envelope::Envelope;
pub use signature::{
    DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, TOLERANCE, WebhookError,
    now, sign, signature, verify, verify_at, verify_signature, verify_within,
};
