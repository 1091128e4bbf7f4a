//! The SDK's errors as the package reads them.
//!
//! The addon throws (or rejects with) a plain `Error` whose message is [`MARKER`] followed by a
//! JSON description of what went wrong; the package turns it into the public class
//! (`NotFoundError`, `APITimeoutError`, ...), so the class hierarchy lives in TypeScript where
//! users read it.

use serde_json::{Value, json};

/// Starts the message of every error the addon raises on purpose.
pub const MARKER: &str = "vinsnap-failure:";

pub use vinsnap_failure::Failure;

/// A [`Failure`] thrown as an `Error` whose message the package reads.
pub trait IntoNapi {
    fn into_napi(self) -> napi::Error;
}

impl IntoNapi for Failure {
    fn into_napi(self) -> napi::Error {
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
