//! The API's clock reading: UTC, truncated to milliseconds so stored and returned timestamps
//! read the same (`2026-11-22T10:15:30.123Z`) everywhere.

use chrono::{DateTime, SubsecRound, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
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
