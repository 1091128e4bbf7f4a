//! Integers of requests, with their bounds in their type: `Int<1, 100>` is checked to lie in
//! 1..=100 as it is deserialized and states `minimum: 1, maximum: 100` in its schema, so the
//! bound is written once. As JSON Schema counts `150024.0` as an integer, so does `Int`, in JSON
//! bodies and query strings alike.
//!
//! Like the text kinds, `Int` implements `PartialSchema` but not `ToSchema`: a field of this type
//! says `#[schema(inline)]` (`#[param(inline)]`), and its bounds appear where it is documented.

use serde::de::{Deserialize, Deserializer, Error as _, Visitor};
use std::fmt;
use utoipa::PartialSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};

/// An integer in `MIN..=MAX`. The bounds stay within ±2^53, where every integer is exactly a
/// JSON number (and an `f64`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Int<const MIN: i64, const MAX: i64>(i64);

/// The page size of every list: 1 to 100.
pub type Limit = Int<1, 100>;
/// How many results a list skips: 0 to 2^31 - 1.
pub type Offset = Int<0, { i32::MAX as i64 }>;

impl<const MIN: i64, const MAX: i64> Int<MIN, MAX> {
    pub const fn get(self) -> i64 {
        self.0
    }

    fn check(value: f64) -> Result<Self, String> {
        if value.fract() != 0.0 || !value.is_finite() {
            return Err(format!("must be an integer, got {value}"));
        }
        if value < MIN as f64 || value > MAX as f64 {
            return Err(format!("must be between {MIN} and {MAX}, got {value}"));
        }
        Ok(Self(value as i64))
    }
}

impl<const MIN: i64, const MAX: i64> From<Int<MIN, MAX>> for i64 {
    fn from(value: Int<MIN, MAX>) -> i64 {
        value.0
    }
}

struct IntVisitor<const MIN: i64, const MAX: i64>;

impl<const MIN: i64, const MAX: i64> Visitor<'_> for IntVisitor<MIN, MAX> {
    type Value = Int<MIN, MAX>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an integer from {MIN} to {MAX}")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match (MIN..=MAX).contains(&v) {
            true => Ok(Int(v)),
            false => Err(E::custom(format!(
                "must be between {MIN} and {MAX}, got {v}"
            ))),
        }
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => Err(E::custom(format!(
                "must be between {MIN} and {MAX}, got {v}"
            ))),
        }
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Int::check(v).map_err(E::custom)
    }
}

impl<'de, const MIN: i64, const MAX: i64> Deserialize<'de> for Int<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Asking for an f64 lets a query string's text be read as a number (`5`, `5.0`), while a
        // JSON body still hands over its integers as integers and refuses strings.
        d.deserialize_f64(IntVisitor::<MIN, MAX>)
            .map_err(|e: D::Error| {
                D::Error::custom(
                    e.to_string()
                        .replace("invalid float literal", "not an integer"),
                )
            })
    }
}

impl<const MIN: i64, const MAX: i64> utoipa::ToSchema for Int<MIN, MAX> {
    fn name() -> std::borrow::Cow<'static, str> {
        crate::core::text::must_be_inline("Int")
    }
}

impl<const MIN: i64, const MAX: i64> PartialSchema for Int<MIN, MAX> {
    fn schema() -> RefOr<Schema> {
        let fits_i32 = MIN >= i64::from(i32::MIN) && MAX <= i64::from(i32::MAX);
        let format = match fits_i32 {
            true => KnownFormat::Int32,
            false => KnownFormat::Int64,
        };
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(format)))
            .minimum(Some(MIN))
            .maximum(Some(MAX))
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Q {
        n: Option<Int<1, 100>>,
    }

    #[test]
    fn json_integers_in_bounds_and_integral_floats() {
        let n: Int<0, 200000> = serde_json::from_str("150024.0").unwrap();
        assert_eq!(n.get(), 150024);
        assert!(serde_json::from_str::<Int<0, 10>>("11").is_err());
        assert!(serde_json::from_str::<Int<0, 10>>("1.5").is_err());
        assert!(serde_json::from_str::<Int<0, 10>>("\"5\"").is_err());
        assert!(serde_json::from_str::<Int<0, 10>>("-1").is_err());
        assert!(serde_json::from_str::<Int<0, 10>>("18446744073709551616").is_err());
    }

    #[test]
    fn query_strings() {
        let q: Q = serde_urlencoded::from_str("n=50.0").unwrap();
        assert_eq!(q.n.map(Int::get), Some(50));
        assert!(serde_urlencoded::from_str::<Q>("n=0").is_err());
        assert!(serde_urlencoded::from_str::<Q>("n=abc").is_err());
        let offset: Result<Offset, _> = serde_json::from_str("2147483648");
        assert!(offset.is_err());
    }
}
