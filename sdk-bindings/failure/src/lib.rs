//! What went wrong in a call, described flat for the language bindings.
//!
//! Each binding hands a [`Failure`] to its package in its own way (a Python exception's args, a
//! JSON message for Node), and the package maps it onto the public error classes
//! (`NotFoundError`, `APITimeoutError`, ...), so the class hierarchies live in the languages
//! where users read them and the reading of [`vinsnap::Error`] lives here once.

/// What went wrong, as the packages read it (a rejected webhook delivery uses `kind` and
/// `message` only).
#[derive(Debug, Default, PartialEq)]
pub struct Failure {
    /// `api`, `connection`, `timeout`, `decode`, `invalid_request` or `closed`; for webhooks,
    /// the verifier's kind (`too_old`, ...).
    pub kind: &'static str,
    pub status: Option<u16>,
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    pub param: Option<String>,
    /// Seconds, from `Retry-After`.
    pub retry_after: Option<f64>,
    /// The response body, as text, for a response that did not decode.
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

    /// An argument (or option) refused before anything is sent.
    pub fn invalid(param: Option<String>, message: impl Into<String>) -> Failure {
        Failure {
            param,
            ..Failure::new("invalid_request", message)
        }
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
                Failure::invalid(Some(param), message)
            }
            other => Failure::invalid(None, other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_argument_names_it() {
        let failure = Failure::from(vinsnap::Error::InvalidArgument {
            param: "limit".into(),
            message: "500 is greater than the maximum of 100".into(),
        });
        assert_eq!(failure.kind, "invalid_request");
        assert_eq!(failure.param.as_deref(), Some("limit"));
    }

    #[test]
    fn an_undecodable_body_keeps_its_text() {
        let failure = Failure::from(vinsnap::Error::Decode {
            status: None,
            message: "expected value".into(),
            body: "<html>".into(),
        });
        assert_eq!(
            (failure.kind, failure.body.as_deref()),
            ("decode", Some("<html>"))
        );
    }
}
