//! The generator behind every binding's typed layer and the docs' samples.
//!
//! It walks `openapi/openapi.json` (through [`vinsnap_openapi::Spec`]) and produces [`File`]s
//! relative to the repository root. Targets (one module per language or artefact) each add
//! their files to [`generate`]; the binary writes them (`cargo run -p vinsnap-codegen`) or checks
//! that the committed copies are current (`--check`), and a test runs the check.
//!
//! [`naming`] holds the one rule that turns an operation into a resource attribute and method
//! name, so Python, TypeScript and the docs name every call the same way.

pub mod naming;
pub mod output;
pub mod samples;

pub use output::{File, Stale};

/// Every generated file, from the committed spec.
///
/// Each target appends its files here; paths are relative to the repository root.
pub fn generate(spec: &vinsnap_openapi::Spec) -> Result<Vec<File>, naming::NamingError> {
    // Fail on a naming clash before any target writes a file.
    naming::operation_names(spec)?;
    let files = Vec::new();
    Ok(files)
}
