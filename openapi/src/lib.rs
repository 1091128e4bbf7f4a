//! The VinSnap Business API OpenAPI document as data.
//!
//! The reference server emits an OpenAPI **3.1** document that is committed at
//! `openapi/openapi.json`. Everything downstream (the Rust SDK's `build.rs`,
//! the sandbox mock, the docs) reads the spec through this crate, so there is
//! exactly one place that knows where the file lives and how to interpret it.
//!
//! - [`SPEC_JSON`] / [`spec()`] / [`Spec::committed()`]: the committed document,
//!   as text, as a parsed [`serde_json::Value`], and as a typed [`Spec`].
//! - [`Spec::operations()`], [`Spec::operation()`], [`Operation`]: a small typed
//!   walk over the operations, with request/response example lookup.
//! - [`Spec::resolve()`]: local `$ref` resolution.
//! - [`Spec::webhooks()`], [`Spec::webhook()`]: the 3.1 `webhooks` section, as
//!   operations named by event type.
//! - [`to_openapi_30()`]: the OpenAPI 3.0.3 view that progenitor needs.
//! - `validate` (feature `validate`): values checked against the document's schemas.
//!
//! ```
//! let spec = vinsnap_openapi::Spec::committed();
//! for op in spec.operations() {
//!     let _ = (op.method(), op.path(), op.operation_id(), op.tags());
//! }
//! let v30 = vinsnap_openapi::to_openapi_30(vinsnap_openapi::spec());
//! assert_eq!(v30["openapi"], "3.0.3");
//! ```

mod examples;
mod operation;
mod spec;
mod v30;
#[cfg(feature = "validate")]
pub mod validate;

use std::sync::LazyLock;

use serde_json::Value;

pub use examples::{Example, ExampleSource};
pub use operation::{Method, Operation};
pub use spec::{ParseError, Spec, parse};
pub use v30::to_openapi_30;

/// The committed OpenAPI 3.1 document, verbatim.
pub const SPEC_JSON: &str = include_str!("../openapi.json");

// Parsed on first use: the document is a compile-time constant, so a parse
// failure is a broken commit rather than a runtime condition worth handling.
static COMMITTED: LazyLock<Spec> = LazyLock::new(|| {
    parse(SPEC_JSON).unwrap_or_else(|e| panic!("openapi/openapi.json is not a valid document: {e}"))
});

/// The committed OpenAPI 3.1 document as JSON, parsed once.
///
/// # Panics
///
/// On first use, if `openapi/openapi.json` is not a valid OpenAPI 3.x
/// document (a test in this crate guards against committing one).
pub fn spec() -> &'static Value {
    COMMITTED.as_value()
}

impl Spec {
    /// The committed OpenAPI 3.1 document as a typed [`Spec`], parsed once.
    ///
    /// # Panics
    ///
    /// Same as [`spec()`].
    pub fn committed() -> &'static Spec {
        &COMMITTED
    }
}
