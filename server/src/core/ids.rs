//! Prefixed, time-ordered resource ids (`cus_01jd…`).
//!
//! The part after the prefix is a ULID (the `ulid` crate's monotonic generator) in lowercase
//! Crockford base32: 48 bits of milliseconds then 80 random bits. Ordering ids therefore orders
//! by creation time, which gives lists a stable, index-friendly order without a separate
//! sequence; within one process ids are strictly increasing even inside one millisecond.
//!
//! [`BODY_PATTERN`] is exactly what [`is_valid_body`] accepts, and is what the spec states.

use std::sync::Mutex;
use ulid::Generator;

/// A ULID as ids carry it: 26 characters of lowercase Crockford base32 (no `i`, `l`, `o`, `u`),
/// the first at most `7` since 26 characters hold 130 bits and a ULID has 128.
pub const BODY_PATTERN: &str = "[0-7][0-9a-hjkmnp-tv-z]{25}";
const BODY_LEN: usize = 26;
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

static GENERATOR: Mutex<Generator> = Mutex::new(Generator::new());

/// A fresh id body (the 26 characters after the prefix).
pub fn new_body() -> String {
    let mut generator = GENERATOR.lock().unwrap_or_else(|p| p.into_inner());
    let ulid = loop {
        match generator.generate() {
            Ok(ulid) => break ulid,
            // 2^80 ids within one millisecond: wait for the next one.
            Err(_) => std::thread::yield_now(),
        }
    };
    ulid.to_string().to_ascii_lowercase()
}

/// Whether `body` matches [`BODY_PATTERN`]: a ULID [`new_body`] could have made.
pub fn is_valid_body(body: &str) -> bool {
    let bytes = body.as_bytes();
    bytes.len() == BODY_LEN
        && (b'0'..=b'7').contains(&bytes[0])
        && bytes.iter().all(|b| ALPHABET.contains(b))
}

/// Declares a newtype id with its prefix, parsing (which names the expected kind of id on
/// failure), serde and an OpenAPI schema.
macro_rules! prefixed_id {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, $noun:literal, $example:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, sqlx::Type)]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(String);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            pub fn generate() -> Self {
                Self(format!("{}{}", $prefix, $crate::core::ids::new_body()))
            }

            pub fn parse(raw: &str) -> Result<Self, String> {
                match raw.strip_prefix($prefix) {
                    Some(body) if $crate::core::ids::is_valid_body(body) => Ok(Self(raw.to_owned())),
                    _ => Err(format!(
                        "`{raw}` is not a {} id (expected `{}` followed by a ULID: 26 lowercase letters and digits, without i, l, o or u, the first 0-7)",
                        $noun, $prefix
                    )),
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::parse(&raw).map_err(serde::de::Error::custom)
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some(concat!("A ", $noun, " id.")))
                    .pattern(Some(format!("^{}{}$", $prefix, $crate::core::ids::BODY_PATTERN)))
                    .examples([serde_json::json!($example)])
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

prefixed_id!(
    /// Identifies a shop (the tenant every key belongs to).
    ShopId, "shop_", "shop", "shop_01jd3q8y7zk2m4n6p8r0t2v4x6"
);
prefixed_id!(
    /// Identifies a location of a shop.
    LocationId, "loc_", "location", "loc_01jd3q8y7zk2m4n6p8r0t2v4x7"
);
prefixed_id!(
    /// Identifies an API key.
    ApiKeyId, "key_", "API key", "key_01jd3q8y7zk2m4n6p8r0t2v4x8"
);
prefixed_id!(
    /// Identifies a customer.
    CustomerId, "cus_", "customer", "cus_01jd3q9a1bc2d3e4f5g6h7j8k9"
);
prefixed_id!(
    /// Identifies a vehicle.
    VehicleId, "veh_", "vehicle", "veh_01jd3q9b2cd3e4f5g6h7j8k9m0"
);
prefixed_id!(
    /// Identifies a job (a repair order on the shop's board).
    JobId, "job_", "job", "job_01jd3qa2b3c4d5e6f7g8h9j0k1"
);
prefixed_id!(
    /// Identifies an invoice.
    InvoiceId, "inv_", "invoice", "inv_01jd3qb4c5d6e7f8g9h0j1k2m3"
);
prefixed_id!(
    /// Identifies a catalog part.
    PartId, "prt_", "part", "prt_01jd3q7x6yw5v4t3s2r1q0p9n8"
);

prefixed_id!(
    /// Identifies a webhook endpoint.
    WebhookEndpointId, "we_", "webhook endpoint", "we_01jd3qa0f3g4h5j6k7m8n9p0q1"
);
prefixed_id!(
    /// Identifies an event (a change reported to webhook endpoints).
    EventId, "evt_", "event", "evt_01jd3qa1g4h5j6k7m8n9p0q1r2"
);
prefixed_id!(
    /// Identifies a webhook delivery: one event to one endpoint, stable across retries.
    DeliveryId, "dlv_", "webhook delivery", "dlv_01jd3qa2h5j6k7m8n9p0q1r2s3"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_parse_and_sort_by_time() {
        let a = CustomerId::generate();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = CustomerId::generate();
        assert!(CustomerId::parse(a.as_str()).is_ok());
        assert!(a.as_str() < b.as_str());
    }

    #[test]
    fn ids_generated_in_one_millisecond_still_increase() {
        let ids: Vec<String> = (0..1000).map(|_| new_body()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert!(ids.iter().all(|id| is_valid_body(id)), "{ids:?}");
    }

    /// The parser and the pattern the spec states agree on every character in every position.
    #[test]
    fn the_parser_accepts_exactly_the_spec_pattern() {
        let pattern = regex::Regex::new(&format!("^{BODY_PATTERN}$")).unwrap();
        let valid = new_body();
        for position in [0, 1, 25] {
            for byte in 0u8..=255 {
                let mut body = valid.clone().into_bytes();
                body[position] = byte;
                let Ok(body) = String::from_utf8(body) else {
                    continue;
                };
                assert_eq!(
                    is_valid_body(&body),
                    pattern.is_match(&body),
                    "{body:?} at position {position}"
                );
            }
        }
        for body in ["", "0", &valid[1..], &format!("{valid}0")] {
            assert!(!is_valid_body(body) && !pattern.is_match(body), "{body:?}");
        }
    }

    #[test]
    fn wrong_prefix_or_body_is_named() {
        let err = CustomerId::parse("veh_01jd3q9b2cd3e4f5g6h7j8k9m0").unwrap_err();
        assert!(err.contains("not a customer id"), "{err}");
        assert!(CustomerId::parse("cus_123").is_err());
        assert!(CustomerId::parse("cus_01JD3Q9A1BC2D3E4F5G6H7J8K9").is_err());
        // Outside the alphabet, or more than 128 bits.
        assert!(CustomerId::parse("cus_01jd3q9a1bc2d3e4f5g6h7j8ku").is_err());
        assert!(CustomerId::parse("cus_81jd3q9a1bc2d3e4f5g6h7j8k9").is_err());
        assert!(CustomerId::parse("cus_71jd3q9a1bc2d3e4f5g6h7j8k9").is_ok());
    }
}
