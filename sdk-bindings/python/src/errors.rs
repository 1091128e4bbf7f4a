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

/// What went wrong (the name `Failure` is the exception's here).
pub use vinsnap_failure::Failure as Failed;

/// A [`Failed`] raised as [`Failure`], whose args the package reads.
pub trait IntoPyErr {
    fn into_pyerr(self) -> PyErr;
}

impl IntoPyErr for Failed {
    fn into_pyerr(self) -> PyErr {
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
