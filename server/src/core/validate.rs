//! Field checks shared by request types. Each error names the field it is about.

use crate::http::error::{ApiError, ApiResult};

/// A required text field: trimmed, non-empty, at most `max` characters.
pub fn required_text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ApiError::invalid(
            field,
            format!("`{field}` must not be empty"),
        ));
    }
    check_len(field, value, max)?;
    Ok(value.to_owned())
}

/// An optional text field: trimmed; empty means absent, so `""` clears a field in an update.
pub fn optional_text(field: &str, value: Option<&str>, max: usize) -> ApiResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => check_len(field, value, max).map(|()| Some(value.to_owned())),
    }
}

fn check_len(field: &str, value: &str, max: usize) -> ApiResult<()> {
    let len = value.chars().count();
    if len > max {
        return Err(ApiError::invalid(
            field,
            format!("`{field}` must be at most {max} characters, got {len}"),
        ));
    }
    Ok(())
}

/// A plausible email address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn email(field: &str, value: Option<&str>) -> ApiResult<Option<String>> {
    let Some(value) = optional_text(field, value, 254)? else {
        return Ok(None);
    };
    let valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if !valid {
        return Err(ApiError::invalid(
            field,
            format!("`{field}` is not a valid email address: {value:?}"),
        ));
    }
    Ok(Some(value))
}

/// A phone number as people write it: digits plus `+ - . ( ) x` and spaces, with 3+ digits.
pub fn phone(field: &str, value: Option<&str>) -> ApiResult<Option<String>> {
    let Some(value) = optional_text(field, value, 40)? else {
        return Ok(None);
    };
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-.()xX".contains(c));
    if !allowed || digits(&value).len() < 3 {
        return Err(ApiError::invalid(
            field,
            format!("`{field}` is not a valid phone number: {value:?}"),
        ));
    }
    Ok(Some(value))
}

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
    fn emails() {
        assert_eq!(
            email("email", Some(" s.chen@email.com "))
                .unwrap()
                .as_deref(),
            Some("s.chen@email.com")
        );
        assert_eq!(email("email", Some("")).unwrap(), None);
        for bad in ["nope", "a@b", "@x.com", "a b@x.com", "a@@x.com", "a@x."] {
            assert!(email("email", Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert!(phone("phone", Some("555-0142")).is_ok());
        assert!(phone("phone", Some("+1 (555) 014-2000 x12")).is_ok());
        assert!(phone("phone", Some("call me")).is_err());
        assert_eq!(digits("(555) 0142"), "5550142");
    }
}
