//! The generator behind every binding's typed layer and the docs' samples.
//!
//! It walks `openapi/openapi.json` (through [`vinsnap_openapi::Spec`]) and produces [`File`]s
//! relative to the repository root. Targets (one module per language or artefact) each add
//! their files to [`generate`]; the binary writes them (`cargo run -p vinsnap-codegen`) or checks
//! that the committed copies are current (`--check`), and a test runs the check.
//!
//! [`naming`] holds the one rule that turns an operation into a resource attribute and method
//! name, so Python, TypeScript and the docs name every call the same way. [`model`] is the
//! spec walked once into language-neutral types, operations (with their arguments: path
//! parameters positional, query parameters and body fields by keyword) and webhook events;
//! each target writes its language from it.
//!
//! Targets: [`python`] (the `vinsnap` package's typed layer); [`samples`] writes the docs'
//! per-operation code samples (`docs-spec`), not committed.

pub mod model;
pub mod naming;
pub mod output;
pub mod python;
pub mod samples;

pub use model::{Api, ModelError};
pub use output::{File, Stale};

/// Every generated file, from the committed spec.
///
/// Each target appends its files here; paths are relative to the repository root.
pub fn generate(spec: &vinsnap_openapi::Spec) -> Result<Vec<File>, ModelError> {
    // A naming clash or an argument clash fails here, before any target writes a file.
    let api = model::build(spec)?;
    let mut files = Vec::new();
    files.extend(python::files(&api));
    Ok(files)
}
