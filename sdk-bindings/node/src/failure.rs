//! The SDK's errors as the package reads them.
//!
//! The addon throws (or rejects with) a plain `Error` whose message is [`MARKER`] followed by a
//! JSON description of what went wrong; the package turns it into the public class
//! (`NotFoundError`, `APITimeoutError`, ...), so the class hierarchy lives in TypeScript where
//! users read it.

use serde_json::{Value, json};

/// Starts the message of every error the addon raises on purpose.
pub const MARKER: &str = "vinsnap-failure:";

/// What went wrong, as the package reads it (a rejected webhook delivery uses `kind` and
/// `message` only).
#[derive(Debug, Default)]
pub struct Failure {
    /// `api`, `connection`, `timeout`, `decode` or `invalid_request`; for webhooks, the
    /// verifier's kind (`too_old`, ...).
    pub kind: &'static str,
    pub status: Option<u16>,
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    pub param: Option<String>,
    /// Seconds, from `Retry-After`.
    pub retry_after: Option<f64>,
    /// The response body, for a response that did not decode.
    pub body: Option<String>,
}

impl Failure {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
            ..Failure::default()
        }
    }

    /// An argument (or option) the SDK refuses before sending anything.
    pub fn invalid(param: Option<&str>, message: impl Into<String>) -> Failure {
        Failure {
            param: param.map(str::to_owned),
            ..Failure::new("invalid_request", message)
        }
    }

    pub fn into_napi(self) -> napi::Error {
        let described: Value = json!({
            "kind": self.kind,
            "status": self.status,
            "code": self.code,
            "message": self.message,
            "request_id": self.request_id,
            "param": self.param,
            "retry_after": self.retry_after,
            "body": self.body,
        });
        napi::Error::new(napi::Status::GenericFailure, format!("{MARKER}{described}"))
    }
}

impl From<vinsnap::Error> for Failure {
    fn from(error: vinsnap::Error) -> Failure {
        match error {
            vinsnap::Error::Api(api) => Failure {
                kind: "api",
                status: Some(api.status.as_u16()),
                code: api.code,
                message: api.message,
                request_id: api.request_id,
                param: api.param,
                retry_after: api.retry_after.map(|d| d.as_secs_f64()),
                body: None,
            },
            vinsnap::Error::Transport(e) => {
                let kind = if e.is_timeout() {
                    "timeout"
                } else {
                    "connection"
                };
                Failure::new(kind, e.to_string())
            }
            vinsnap::Error::Decode {
                status,
                message,
                body,
            } => Failure {
                status: status.map(|s| s.as_u16()),
                body: Some(String::from_utf8_lossy(&body).into_owned()),
                ..Failure::new("decode", message)
            },
            vinsnap::Error::InvalidArgument { param, message } => {
                Failure::invalid(Some(&param), message)
            }
            other => Failure::invalid(None, other.to_string()),
        }
    }
}
