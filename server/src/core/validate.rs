//! Helpers for request types; the rules of each kind of field are in `text` and `bounded`.

pub fn digits(value: &str) -> String {
    value.chars().filter(char::is_ascii_digit).collect()
}

/// Deserializes a field that may be absent (`None`), `null` (`Some(None)`) or set.
/// Used by partial updates, where `null` clears a field and absence leaves it alone.
pub fn nullable<'de, D, T>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde::Deserialize::deserialize(de).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_alone() {
        assert_eq!(digits("(555) 0142"), "5550142");
    }
}
