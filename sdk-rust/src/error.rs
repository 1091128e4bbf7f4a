//! The SDK's one error type.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::Serialize;

/// `Result<T, vinsnap::Error>`.
///
/// ```
/// fn key() -> vinsnap::Result<vinsnap::Client> {
///     vinsnap::Client::new("vsk_test_123")
/// }
/// assert!(key().is_ok());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything a call through the SDK can fail with.
///
/// The generated calls return progenitor's error type; `?` (or [`Error::from`]) turns it into
/// this one, which tells API errors (the server answered with an error status) apart from
/// transport errors (no usable answer) and decode errors (an answer the SDK could not read).
///
/// ```no_run
/// use vinsnap::prelude::*;
///
/// # async fn run() -> Result<(), vinsnap::Error> {
/// let client = vinsnap::Client::new("vsk_test_123")?;
/// match client.get_customer().id("cus_missing").send().await.map_err(vinsnap::Error::from) {
///     Ok(customer) => println!("{}", customer.name),
///     Err(e) if e.status() == Some(404) => println!("no such customer ({:?})", e.request_id()),
///     Err(e) => return Err(e),
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with an error status (4xx or 5xx).
    #[error(transparent)]
    Api(#[from] ApiError),
    /// No usable answer: connecting, sending or reading the response failed (after retries).
    #[error("transport error: {0}")]
    Transport(#[source] reqwest::Error),
    /// The server answered, but the body is not what the spec promises for that status.
    #[error("could not decode the response: {message}")]
    Decode {
        /// The response status, when known (progenitor does not report it for a body that
        /// fails to parse).
        status: Option<StatusCode>,
        /// What was wrong with it.
        message: String,
        /// The raw body, when it was read.
        body: Bytes,
    },
    /// The SDK refused to send the request: an argument failed the spec's constraints, or the
    /// client's configuration (API key, base URL) is invalid.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The SDK refused to send the request: the argument `param` (a parameter's name, or a body
    /// field's path such as `line_items[0].quantity`) is not what the spec accepts.
    ///
    /// ```
    /// let error = vinsnap::Error::InvalidArgument { param: "limit".into(), message: "500 is greater than the maximum of 100".into() };
    /// assert_eq!(error.to_string(), "invalid argument `limit`: 500 is greater than the maximum of 100");
    /// ```
    #[error("invalid argument `{param}`: {message}")]
    InvalidArgument {
        /// The parameter or body field.
        param: String,
        /// What is wrong with it.
        message: String,
    },
}

/// An error answer from the API: the status plus the fields of the error envelope
/// `{"success": false, "error": {"code", "message", "request_id", "param"}}`.
///
/// ```
/// use std::time::Duration;
/// let error = vinsnap::Error::Api(vinsnap::ApiError {
///     status: reqwest::StatusCode::TOO_MANY_REQUESTS,
///     code: Some("rate_limited".into()),
///     message: "Slow down".into(),
///     request_id: Some("req_1".into()),
///     param: None,
///     retry_after: Some(Duration::from_secs(30)),
/// });
/// assert_eq!(error.to_string(), "429 rate_limited: Slow down (request req_1)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable, machine-readable code (`customer_not_found`); `None` when the body was not
    /// an envelope (a proxy's error page).
    pub code: Option<String>,
    /// The human-readable explanation.
    pub message: String,
    /// The request id, from the envelope or else the `X-Request-Id` header: quote it to support.
    pub request_id: Option<String>,
    /// The request field the error is about, when it is about one.
    pub param: Option<String>,
    /// For 429 (and 503 if the server says so), how long to wait, from `Retry-After`.
    pub retry_after: Option<Duration>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status.as_u16())?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " (request {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

#[derive(serde::Deserialize)]
struct Envelope {
    error: EnvelopeBody,
}

#[derive(serde::Deserialize)]
struct EnvelopeBody {
    code: String,
    message: String,
    request_id: Option<String>,
    param: Option<String>,
}

impl ApiError {
    /// Reads an error response: the envelope if the body is one, the status otherwise.
    pub(crate) fn from_response(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError {
        let envelope = serde_json::from_slice::<Envelope>(body).ok();
        Self::from_envelope(status, headers, envelope, body)
    }

    fn from_envelope(
        status: StatusCode,
        headers: &HeaderMap,
        envelope: Option<Envelope>,
        body: &[u8],
    ) -> ApiError {
        let header_id = headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let retry_after = crate::transport::retry_after(headers);
        match envelope {
            Some(Envelope { error }) => ApiError {
                status,
                code: Some(error.code),
                message: error.message,
                request_id: error.request_id.or(header_id),
                param: error.param,
                retry_after,
            },
            None => ApiError {
                status,
                code: None,
                message: fallback_message(status, body),
                request_id: header_id,
                param: None,
                retry_after,
            },
        }
    }
}

/// The start of a non-envelope body, or the status's reason when there is none.
fn fallback_message(status: StatusCode, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return status.canonical_reason().unwrap_or("error").to_string();
    }
    text.chars().take(200).collect()
}

impl Error {
    /// The HTTP status, for API errors (and decode errors, when known).
    ///
    /// ```
    /// # let error = vinsnap::Error::Api(vinsnap::ApiError {
    /// #     status: reqwest::StatusCode::TOO_MANY_REQUESTS,
    /// #     code: Some("rate_limited".into()),
    /// #     message: "Slow down".into(),
    /// #     request_id: Some("req_1".into()),
    /// #     param: None,
    /// #     retry_after: Some(std::time::Duration::from_secs(30)),
    /// # });
    /// assert_eq!(error.status(), Some(429));
    /// ```
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status.as_u16()),
            Error::Decode { status, .. } => status.map(|s| s.as_u16()),
            Error::Transport(e) => e.status().map(|s| s.as_u16()),
            Error::InvalidRequest(_) | Error::InvalidArgument { .. } => None,
        }
    }

    /// The API's error code (`customer_not_found`), for API errors with an envelope.
    ///
    /// ```
    /// # let error = vinsnap::Error::Api(vinsnap::ApiError {
    /// #     status: reqwest::StatusCode::TOO_MANY_REQUESTS,
    /// #     code: Some("rate_limited".into()),
    /// #     message: "Slow down".into(),
    /// #     request_id: Some("req_1".into()),
    /// #     param: None,
    /// #     retry_after: Some(std::time::Duration::from_secs(30)),
    /// # });
    /// assert_eq!(error.code(), Some("rate_limited"));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.api().and_then(|e| e.code.as_deref())
    }

    /// The API's message for API errors; the error's own description otherwise.
    ///
    /// ```
    /// # let error = vinsnap::Error::Api(vinsnap::ApiError {
    /// #     status: reqwest::StatusCode::TOO_MANY_REQUESTS,
    /// #     code: Some("rate_limited".into()),
    /// #     message: "Slow down".into(),
    /// #     request_id: Some("req_1".into()),
    /// #     param: None,
    /// #     retry_after: Some(std::time::Duration::from_secs(30)),
    /// # });
    /// assert_eq!(error.message(), "Slow down");
    /// ```
    pub fn message(&self) -> String {
        match self {
            Error::Api(e) => e.message.clone(),
            other => other.to_string(),
        }
    }

    /// The request id of the failed request, when the server sent one.
    ///
    /// ```
    /// # let error = vinsnap::Error::Api(vinsnap::ApiError {
    /// #     status: reqwest::StatusCode::TOO_MANY_REQUESTS,
    /// #     code: Some("rate_limited".into()),
    /// #     message: "Slow down".into(),
    /// #     request_id: Some("req_1".into()),
    /// #     param: None,
    /// #     retry_after: Some(std::time::Duration::from_secs(30)),
    /// # });
    /// assert_eq!(error.request_id(), Some("req_1"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.api().and_then(|e| e.request_id.as_deref())
    }

    /// For a 429, how long the server asked to wait (`Retry-After`).
    ///
    /// ```
    /// # let error = vinsnap::Error::Api(vinsnap::ApiError {
    /// #     status: reqwest::StatusCode::TOO_MANY_REQUESTS,
    /// #     code: Some("rate_limited".into()),
    /// #     message: "Slow down".into(),
    /// #     request_id: Some("req_1".into()),
    /// #     param: None,
    /// #     retry_after: Some(std::time::Duration::from_secs(30)),
    /// # });
    /// assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(30)));
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.api().and_then(|e| e.retry_after)
    }

    /// The API error, if the server answered with an error status.
    ///
    /// ```
    /// # let error = vinsnap::Error::Api(vinsnap::ApiError {
    /// #     status: reqwest::StatusCode::TOO_MANY_REQUESTS,
    /// #     code: Some("rate_limited".into()),
    /// #     message: "Slow down".into(),
    /// #     request_id: Some("req_1".into()),
    /// #     param: None,
    /// #     retry_after: Some(std::time::Duration::from_secs(30)),
    /// # });
    /// assert_eq!(error.api().map(|e| e.status.as_u16()), Some(429));
    /// ```
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }
}

/// The generated calls' error, made typed. `E` is the operation's documented error body (the
/// envelope for every VinSnap operation); it is read back through its JSON form, so this works
/// for whatever error types a regenerated client has.
impl<E: Serialize> From<progenitor_client::Error<E>> for Error {
    fn from(error: progenitor_client::Error<E>) -> Error {
        use progenitor_client::Error as P;
        match error {
            P::ErrorResponse(value) => {
                let status = value.status();
                let headers = value.headers().clone();
                let json = serde_json::to_value(value.into_inner()).unwrap_or_default();
                let envelope = serde_json::from_value::<Envelope>(json).ok();
                Error::Api(ApiError::from_envelope(status, &headers, envelope, b""))
            }
            P::UnexpectedResponse(response) => {
                let status = response.status();
                match response.extensions().get::<ApiError>() {
                    Some(api) => Error::Api(api.clone()),
                    // Only error statuses are buffered; anything else here is a success status
                    // the spec does not list for this operation.
                    None => Error::Decode {
                        status: Some(status),
                        message: format!("status {status} is not documented for this operation"),
                        body: Bytes::new(),
                    },
                }
            }
            P::InvalidResponsePayload(body, e) => Error::Decode {
                status: None,
                message: e.to_string(),
                body,
            },
            P::CommunicationError(e) | P::ResponseBodyError(e) | P::InvalidUpgrade(e) => {
                Error::Transport(e)
            }
            P::InvalidRequest(message) | P::Custom(message) => Error::InvalidRequest(message),
        }
    }
}

/// A value the spec refuses for a constrained field (`"not an email".parse::<CreateCustomerEmail>()`),
/// caught before anything is sent.
impl From<crate::types::error::ConversionError> for Error {
    fn from(e: crate::types::error::ConversionError) -> Self {
        Error::InvalidRequest(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn reads_the_envelope() {
        let body = br#"{"success":false,"error":{"code":"customer_not_found","message":"No customer","request_id":"req_1","param":"id"}}"#;
        let e = ApiError::from_response(StatusCode::NOT_FOUND, &HeaderMap::new(), body);
        assert_eq!(e.code.as_deref(), Some("customer_not_found"));
        assert_eq!(e.message, "No customer");
        assert_eq!(e.request_id.as_deref(), Some("req_1"));
        assert_eq!(e.param.as_deref(), Some("id"));
        assert_eq!(
            e.to_string(),
            "404 customer_not_found: No customer (request req_1)"
        );
    }

    #[test]
    fn falls_back_to_headers_and_body_text() {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", HeaderValue::from_static("req_h"));
        headers.insert("retry-after", HeaderValue::from_static("3"));
        let e = ApiError::from_response(
            StatusCode::BAD_GATEWAY,
            &headers,
            b"<html>bad gateway</html>",
        );
        assert_eq!(e.code, None);
        assert_eq!(e.message, "<html>bad gateway</html>");
        assert_eq!(e.request_id.as_deref(), Some("req_h"));
        assert_eq!(e.retry_after, Some(Duration::from_secs(3)));
        let e = ApiError::from_response(StatusCode::SERVICE_UNAVAILABLE, &HeaderMap::new(), b"");
        assert_eq!(e.message, "Service Unavailable");
    }
}
