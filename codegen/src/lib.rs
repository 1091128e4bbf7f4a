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
//! Targets: [`python`] (the `vinsnap` package's typed layer) and [`node`] (the `vinsnap` Node
//! package's TypeScript layer); [`samples`] writes the docs' per-operation code samples
//! (`docs-spec`), not committed.

pub mod layout;
pub mod model;
pub mod naming;
pub mod node;
pub mod output;
pub mod python;
pub mod samples;
mod writer;

use std::fmt;

pub use model::{Api, ModelError};
pub use output::{File, Stale};

/// Why the generated files cannot be written from a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateError {
    /// The spec cannot be modelled (a naming or argument clash).
    Model(ModelError),
    /// Two TypeScript names of the Node target are the same.
    Node(node::NameClash),
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GenerateError::Model(e) => e.fmt(f),
            GenerateError::Node(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for GenerateError {}

impl From<ModelError> for GenerateError {
    fn from(e: ModelError) -> Self {
        GenerateError::Model(e)
    }
}

/// Every generated file, from the committed spec.
///
/// Each target appends its files here; paths are relative to the repository root.
pub fn generate(spec: &vinsnap_openapi::Spec) -> Result<Vec<File>, GenerateError> {
    // A naming clash or an argument clash fails here, before any target writes a file.
    let api = model::build(spec)?;
    let mut files = Vec::new();
    files.extend(python::files(&api));
    files.extend(node::files(&api).map_err(GenerateError::Node)?);
    Ok(files)
}
