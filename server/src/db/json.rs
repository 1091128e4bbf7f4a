//! Reading a column's JSON form with serde where the engines' forms differ from the field's: for
//! the rows of a [`super::Listing`] page, which the database hands over as JSON.

use std::fmt;

use serde::de::{DeserializeOwned, Error, Visitor};
use serde::{Deserialize, Deserializer};

/// A `bool` column: `true`/`false` from PostgreSQL, `1`/`0` from SQLite.
pub fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    struct Flag;
    impl Visitor<'_> for Flag {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a boolean, or 0 or 1")
        }

        fn visit_bool<E: Error>(self, value: bool) -> Result<bool, E> {
            Ok(value)
        }

        fn visit_u64<E: Error>(self, value: u64) -> Result<bool, E> {
            Ok(value != 0)
        }

        fn visit_i64<E: Error>(self, value: i64) -> Result<bool, E> {
            Ok(value != 0)
        }
    }
    deserializer.deserialize_any(Flag)
}

/// A column that holds JSON as text (a field that `sqlx` reads with `try_from = "String"`).
pub fn text<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<T, D::Error> {
    let text = String::deserialize(deserializer)?;
    serde_json::from_str(&text).map_err(D::Error::custom)
}
