//! The error envelope the real server sends, request ids, and the finished
//! response every transport writes out.

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName};
use http::{HeaderMap, HeaderValue, StatusCode};
use rand::Rng;
use serde_json::{Map, Value, json};

use super::validate::MAX_BODY_BYTES;

/// A response ready to be written by a transport.
#[derive(Debug, Clone)]
pub struct MockResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl MockResponse {
    /// A JSON response with `Content-Type: application/json`.
    pub(crate) fn json(status: StatusCode, body: &Value) -> MockResponse {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        MockResponse {
            status,
            headers,
            // Serializing a `Value` cannot fail: its keys are strings.
            body: Bytes::from(serde_json::to_vec(body).unwrap_or_default()),
        }
    }

    pub(crate) fn set_header(&mut self, name: &'static str, value: impl ToString) {
        if let Ok(value) = HeaderValue::from_str(&value.to_string()) {
            self.headers.insert(HeaderName::from_static(name), value);
        }
    }

    /// The body as JSON, for tests and for callers that inspect answers.
    pub fn json_body(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// An error the mock answers with, rendered as the seed's envelope.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    pub status: u16,
    pub code: String,
    pub message: String,
    pub param: Option<String>,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub(crate) fn new(status: u16, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.to_owned(),
            message: message.into(),
            param: None,
            retry_after: None,
        }
    }

    pub(crate) fn bad_request(code: &str, message: impl Into<String>) -> Self {
        Self::new(400, code, message)
    }

    pub(crate) fn unauthorized(code: &str, message: impl Into<String>) -> Self {
        Self::new(401, code, message)
    }

    pub(crate) fn payload_too_large() -> Self {
        Self::new(
            413,
            "payload_too_large",
            format!("Request body is larger than the {MAX_BODY_BYTES} byte limit"),
        )
    }

    pub(crate) fn with_param(mut self, param: &str) -> Self {
        self.param = Some(param.to_owned());
        self
    }

    pub(crate) fn render(&self, request_id: &str) -> MockResponse {
        let mut error = Map::new();
        error.insert("code".into(), json!(self.code));
        error.insert("message".into(), json!(self.message));
        error.insert("request_id".into(), json!(request_id));
        if let Some(param) = &self.param {
            error.insert("param".into(), json!(param));
        }
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        let mut response = MockResponse::json(status, &json!({"success": false, "error": error}));
        if let Some(secs) = self.retry_after {
            response.set_header("retry-after", secs);
        }
        response
    }
}

/// A fresh `req_…` id, in the server's format (20 upper-case letters and digits).
pub(crate) fn new_request_id() -> String {
    prefixed_id("req_", 20, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
}

/// A fresh `prefix` + `len` characters from `alphabet`.
pub(crate) fn prefixed_id(prefix: &str, len: usize, alphabet: &[u8]) -> String {
    let mut rng = rand::rng();
    let mut id = String::with_capacity(prefix.len() + len);
    id.push_str(prefix);
    id.extend((0..len).map(|_| alphabet[rng.random_range(0..alphabet.len())] as char));
    id
}

/// A fresh resource id as the server makes them: `prefix` + a lowercase ULID.
pub(crate) fn new_resource_id(prefix: &str) -> String {
    format!(
        "{prefix}{}",
        ulid::Ulid::new().to_string().to_ascii_lowercase()
    )
}

/// The lowercase base32 alphabet of resource ids (`cus_` + 26 of these).
pub(crate) const ID_ALPHABET: &[u8] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// Points an example error envelope's `request_id` at this request's id, so
/// the body and the `X-Request-Id` header agree as on the server.
pub(crate) fn stamp_request_id(body: &mut Value, request_id: &str) {
    if let Some(slot) = body.get_mut("error").and_then(|e| e.get_mut("request_id")) {
        *slot = json!(request_id);
    }
}
