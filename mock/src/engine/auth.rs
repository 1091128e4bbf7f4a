//! Sandbox key semantics: only `Bearer vsk_test_…` keys get in. Codes and
//! messages follow the real server, plus one it cannot have: a live key is
//! well-formed but refused, because the sandbox holds no production data.

use http::HeaderMap;
use http::header::AUTHORIZATION;

use super::envelope::ApiError;

const TEST_PREFIX: &str = "vsk_test_";
const LIVE_PREFIX: &str = "vsk_live_";

/// Checks the `Authorization` header of a request to an operation that needs a key.
pub(crate) fn check(headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Err(ApiError::unauthorized(
            "missing_api_key",
            "No API key provided: send `Authorization: Bearer vsk_test_…` (the sandbox takes test keys only)",
        ));
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .ok_or_else(|| {
            ApiError::unauthorized(
                "invalid_authorization",
                "The Authorization header must be `Bearer <API key>`",
            )
        })?;
    if token.starts_with(LIVE_PREFIX) {
        return Err(ApiError::unauthorized(
            "live_key_in_sandbox",
            format!(
                "Live keys don't work in the sandbox: {} is a `vsk_live_` key; use a `vsk_test_…` key",
                redact(token)
            ),
        ));
    }
    match token.strip_prefix(TEST_PREFIX) {
        Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric()) => Ok(()),
        Some(_) => Err(ApiError::unauthorized(
            "invalid_api_key",
            format!("Invalid API key provided: {}", redact(token)),
        )),
        None => Err(ApiError::unauthorized(
            "invalid_api_key",
            "API keys start with `vsk_test_` (sandbox) or `vsk_live_` (production); the sandbox takes `vsk_test_` keys",
        )),
    }
}

/// The prefix and last four characters, as the server shows keys.
fn redact(token: &str) -> String {
    let prefix = if token.starts_with(LIVE_PREFIX) {
        LIVE_PREFIX
    } else {
        TEST_PREFIX
    };
    let tail: String = token
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("{prefix}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    fn code(headers: &HeaderMap) -> Option<String> {
        check(headers).err().map(|e| e.code)
    }

    #[test]
    fn only_well_formed_test_keys_pass() {
        assert_eq!(code(&with("Bearer vsk_test_abc123")), None);
        assert_eq!(code(&HeaderMap::new()).as_deref(), Some("missing_api_key"));
        assert_eq!(
            code(&with("Basic abc")).as_deref(),
            Some("invalid_authorization")
        );
        assert_eq!(
            code(&with("Bearer sk_test_abc")).as_deref(),
            Some("invalid_api_key")
        );
        assert_eq!(
            code(&with("Bearer vsk_test_")).as_deref(),
            Some("invalid_api_key")
        );
        assert_eq!(
            code(&with("Bearer vsk_test_a-b")).as_deref(),
            Some("invalid_api_key")
        );
    }

    #[test]
    fn live_keys_are_refused_by_name() {
        let err = check(&with("Bearer vsk_live_abcdef1234")).unwrap_err();
        assert_eq!(
            (err.status, err.code.as_str()),
            (401, "live_key_in_sandbox")
        );
        assert!(err.message.contains("Live keys don't work in the sandbox"));
        assert!(err.message.contains("vsk_live_…1234"), "{}", err.message);
        assert!(
            !err.message.contains("abcdef"),
            "the key is not echoed whole"
        );
    }
}
