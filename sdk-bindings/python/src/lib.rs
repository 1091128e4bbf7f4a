//! `vinsnap._native`: the Rust SDK under Python.
//!
//! Deliberately generic: one `call(operation_id, params, body)` on a client (blocking, and an
//! awaitable twin) over the SDK's dispatch entry point, and the webhook verifier. The typed
//! surface (models, resources, errors by class) is the pure-Python package around it, generated
//! from the spec by `vinsnap-codegen`.

mod client;
mod convert;
mod errors;
mod runtime;
mod webhooks;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<client::NativeClient>()?;
    m.add_function(wrap_pyfunction!(webhooks::verify_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(webhooks::sign_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::resolve_future, m)?)?;
    m.add("Failure", py.get_type::<errors::Failure>())?;
    m.add("WebhookFailure", py.get_type::<errors::WebhookFailure>())?;
    m.add("OPERATIONS", vinsnap::OPERATIONS.to_vec())?;
    m.add("USER_AGENT", vinsnap::USER_AGENT)?;
    Ok(())
}
