//! Prefixed, time-ordered resource ids (`cus_01jd…`).
//!
//! The part after the prefix is a ULID in lowercase Crockford base32: 48 bits of milliseconds then
//! 80 random bits. Ordering ids therefore orders by creation time, which gives lists a stable,
//! index-friendly order without a separate sequence. Within one process ids are strictly
//! increasing even inside one millisecond (the random part is bumped), as ULID's monotonic mode.

use rand::RngCore;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const BODY_LEN: usize = 26;

static LAST: Mutex<u128> = Mutex::new(0);

/// A fresh id body (the 26 characters after the prefix).
pub fn new_body() -> String {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let mut random = [0u8; 10];
    rand::rng().fill_bytes(&mut random);
    let mut value: u128 = (millis & ((1 << 48) - 1)) << 80;
    for (i, byte) in random.iter().enumerate() {
        value |= (*byte as u128) << (72 - 8 * i);
    }
    let value = {
        let mut last = LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *last = if value > *last { value } else { *last + 1 };
        *last
    };
    (0..BODY_LEN)
        .rev()
        .map(|i| ALPHABET[((value >> (5 * i)) & 31) as usize] as char)
        .collect()
}

/// Whether `body` could have come from [`new_body`].
pub fn is_valid_body(body: &str) -> bool {
    body.len() == BODY_LEN && body.bytes().all(|b| ALPHABET.contains(&b))
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
                        "`{raw}` is not a {} id (expected `{}` followed by 26 lowercase letters and digits)",
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
                    .pattern(Some(concat!("^", $prefix, "[0-9a-z]{26}$")))
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
    /// Identifies a part of the catalog.
    PartId, "prt_", "part", "prt_01jd3qa0b1c2d3e4f5g6h7j8k9"
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
    fn wrong_prefix_or_body_is_named() {
        let err = CustomerId::parse("veh_01jd3q9b2cd3e4f5g6h7j8k9m0").unwrap_err();
        assert!(err.contains("not a customer id"), "{err}");
        assert!(CustomerId::parse("cus_123").is_err());
        assert!(CustomerId::parse("cus_01JD3Q9A1BC2D3E4F5G6H7J8K9").is_err());
    }
}
