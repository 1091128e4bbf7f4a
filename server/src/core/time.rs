//! The API's clock. Every resource and event is stamped, and every expiry checked, with one
//! [`Clock`] (`AppState::now`): the system's in production, a [`ManualClock`] in tests that move
//! time instead of waiting. Readings are UTC, truncated to milliseconds so stored and returned
//! timestamps read the same (`2026-11-22T10:15:30.123Z`) everywhere.
//!
//! Two things run on real time instead, because they wait for it to pass: the webhook
//! dispatcher's retry schedule (with its attempt log) and the rate limiter.

use chrono::{DateTime, SubsecRound, Utc};
use std::sync::Mutex;

/// The system clock's reading, truncated to milliseconds.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

/// Where timestamps and expiry checks read the time.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        now()
    }
}

/// A clock that only moves when told to (tests, simulations).
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        Self(Mutex::new(start))
    }

    pub fn advance(&self, by: chrono::Duration) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A timestamp in a request: exactly RFC 3339's `date-time`, as the spec's `format` says
/// (`2026-11-22T10:15:30Z`, `…+01:00`). chrono on its own also takes a space for the `T` and
/// offsets without a colon, which the format does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp(pub DateTime<Utc>);

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let separated = matches!(raw.as_bytes().get(10), Some(b'T' | b't'));
        match DateTime::parse_from_rfc3339(&raw) {
            Ok(at) if separated => Ok(Self(at.with_timezone(&Utc))),
            _ => Err(serde::de::Error::custom(format!(
                "must be an RFC 3339 date-time such as 2026-11-22T10:15:30Z, got {raw:?}"
            ))),
        }
    }
}

impl utoipa::PartialSchema for Timestamp {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
            .into()
    }
}

impl utoipa::ToSchema for Timestamp {
    fn name() -> std::borrow::Cow<'static, str> {
        crate::core::text::must_be_inline("Timestamp")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_timestamps_are_rfc_3339_date_times() {
        for good in [
            "2026-11-30T23:01:05Z",
            "2026-11-30t23:01:05.5z",
            "2026-11-30T23:01:05-12:30",
        ] {
            assert!(
                serde_json::from_str::<Timestamp>(&format!("{good:?}")).is_ok(),
                "{good}"
            );
        }
        for bad in [
            "2026-11-30 23:01:05Z",
            "2026-11-30T23:01:05+0000",
            "2026-11-30T23:01:05",
            "2026-02-30T00:00:00Z",
        ] {
            assert!(
                serde_json::from_str::<Timestamp>(&format!("{bad:?}")).is_err(),
                "{bad}"
            );
        }
    }
}
