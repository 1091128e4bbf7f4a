//! The SDK's errors as Python exceptions.
//!
//! The native module raises one exception type, `Failure`, whose args describe the error; the
//! package turns it into the public class (`NotFoundError`, `APITimeoutError`, ...), so the
//! class hierarchy lives in Python where users read it.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    _native,
    Failure,
    PyException,
    "A failed call: args are (kind, status, code, message, request_id, param, retry_after, body)."
);
create_exception!(
    _native,
    WebhookFailure,
    PyException,
    "A rejected webhook delivery: args are (kind, message)."
);

/// What went wrong, as the package reads it.
pub struct Failed {
    pub kind: &'static str,
    pub status: Option<u16>,
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    pub param: Option<String>,
    pub retry_after: Option<f64>,
    /// The response body, as text, for a response that did not decode.
    pub body: Option<String>,
}

impl Failed {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Failed {
        Failed {
            kind,
            status: None,
            code: None,
            message: message.into(),
            request_id: None,
            param: None,
            retry_after: None,
            body: None,
        }
    }

    pub fn invalid(param: Option<String>, message: impl Into<String>) -> Failed {
        Failed {
            param,
            ..Failed::new("invalid_request", message)
        }
    }

    pub fn into_pyerr(self) -> PyErr {
        Failure::new_err((
            self.kind,
            self.status,
            self.code,
            self.message,
            self.request_id,
            self.param,
            self.retry_after,
            self.body,
        ))
    }
}

impl From<vinsnap::Error> for Failed {
    fn from(error: vinsnap::Error) -> Failed {
        match error {
            vinsnap::Error::Api(api) => Failed {
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
                Failed::new(kind, e.to_string())
            }
            vinsnap::Error::Decode {
                status,
                message,
                body,
            } => Failed {
                status: status.map(|s| s.as_u16()),
                body: Some(String::from_utf8_lossy(&body).into_owned()),
                ..Failed::new("decode", message)
            },
            vinsnap::Error::InvalidArgument { param, message } => {
                Failed::invalid(Some(param), message)
            }
            other => Failed::invalid(None, other.to_string()),
        }
    }
}
