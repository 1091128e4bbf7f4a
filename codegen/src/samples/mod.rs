//! Code samples for the reference docs: one runnable program per operation and language,
//! generated from the operation's documented example.
//!
//! [`call`] takes each operation of the [`model`](crate::model) (the one walk of the spec, shared
//! with the bindings' generators) with the documented example of every input it needs; each
//! language's module turns that [`Call`] into source text, Python and TypeScript through their
//! binding target's call writer, so a sample calls the methods those packages have. [`with_code_samples`] puts the
//! samples into a copy of the spec as Redoc's `x-codeSamples`, which is how they reach the site;
//! the committed `openapi/openapi.json` never carries them.
//!
//! Every sample reads `VINSNAP_API_KEY` and `VINSNAP_BASE_URL` from the environment, so the same
//! text runs against the sandbox mock, a local server or production. A new language is one
//! module with a `sample(&Call) -> String` and a variant of [`Language`].

mod call;
mod curl;
mod python;
mod rust;
mod typescript;

use std::fmt;

use serde_json::{Value, json};
use vinsnap_openapi::Spec;

pub use call::{Call, Param};

use crate::model::{self, ModelError};

/// A language the reference shows a sample in, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Curl,
    Python,
    TypeScript,
    Rust,
}

impl Language {
    /// Every language, in the order the tabs appear.
    pub const ALL: [Language; 4] = [
        Language::Curl,
        Language::Python,
        Language::TypeScript,
        Language::Rust,
    ];

    /// The `lang` Redoc highlights the sample as (a Prism language name).
    pub fn lang(self) -> &'static str {
        match self {
            Language::Curl => "Shell",
            Language::Python => "Python",
            Language::TypeScript => "TypeScript",
            Language::Rust => "Rust",
        }
    }

    /// The tab's label: also the key the docs tests find a language's samples by.
    pub fn label(self) -> &'static str {
        match self {
            Language::Curl => "curl",
            Language::Python => "Python",
            Language::TypeScript => "TypeScript",
            Language::Rust => "Rust",
        }
    }

    fn sample(self, call: &Call) -> String {
        match self {
            Language::Curl => curl::sample(call),
            Language::Python => python::sample(call),
            Language::TypeScript => typescript::sample(call),
            Language::Rust => rust::sample(call),
        }
    }
}

/// One operation's sample in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    pub operation_id: String,
    pub language: Language,
    pub source: String,
}

/// Why the spec cannot be turned into samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SampleError {
    /// The spec cannot be modelled (a naming or argument clash).
    Model(ModelError),
    /// An operation lacks an example a sample needs (a path parameter, a request body).
    MissingExample { operation_id: String, what: String },
}

impl fmt::Display for SampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SampleError::Model(e) => e.fmt(f),
            SampleError::MissingExample { operation_id, what } => write!(
                f,
                "operation {operation_id} has no example for {what}: document one in the server's annotations"
            ),
        }
    }
}

impl std::error::Error for SampleError {}

impl From<ModelError> for SampleError {
    fn from(e: ModelError) -> Self {
        SampleError::Model(e)
    }
}

/// Every operation's sample in every language, operations in the spec's order.
pub fn samples(spec: &Spec) -> Result<Vec<Sample>, SampleError> {
    let api = model::build(spec)?;
    let mut out = Vec::new();
    for op in &api.operations {
        let call = Call::new(&api, op)?;
        out.extend(Language::ALL.into_iter().map(|language| Sample {
            operation_id: op.id().to_owned(),
            language,
            source: language.sample(&call),
        }));
    }
    Ok(out)
}

/// A copy of the spec with every operation's samples as `x-codeSamples`
/// (`[{"lang", "label", "source"}]`, the form Redoc renders as tabs).
pub fn with_code_samples(spec: &Spec) -> Result<Value, SampleError> {
    let samples = samples(spec)?;
    let mut doc = spec.as_value().clone();
    let locations: Vec<(String, String, String)> = spec
        .operations()
        .filter_map(|op| {
            Some((
                op.path().to_owned(),
                op.method().key().to_owned(),
                op.operation_id()?.to_owned(),
            ))
        })
        .collect();
    for (path, method, operation_id) in locations {
        let list: Vec<Value> = samples
            .iter()
            .filter(|s| s.operation_id == operation_id)
            .map(|s| json!({"lang": s.language.lang(), "label": s.language.label(), "source": s.source}))
            .collect();
        // A path item given as `$ref` is left alone (its target may be shared); the tests then
        // report its operations as lacking samples.
        let item = &mut doc["paths"][&path];
        if let Some(operation) = item.get_mut(&method).and_then(Value::as_object_mut) {
            operation.insert("x-codeSamples".into(), Value::Array(list));
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_of_the_committed_spec_has_a_sample_in_every_language() {
        let spec = Spec::committed();
        let doc = with_code_samples(spec).unwrap();
        for op in spec.operations() {
            let id = op.operation_id().unwrap();
            let samples = doc["paths"][op.path()][op.method().key()]["x-codeSamples"]
                .as_array()
                .unwrap_or_else(|| panic!("{id} has no samples"));
            let labels: Vec<&str> = samples
                .iter()
                .map(|s| s["label"].as_str().unwrap())
                .collect();
            let expected: Vec<&str> = Language::ALL.iter().map(|l| l.label()).collect();
            assert_eq!(labels, expected, "{id}");
        }
    }

    #[test]
    fn the_committed_document_is_left_alone() {
        let spec = Spec::committed();
        with_code_samples(spec).unwrap();
        assert!(!vinsnap_openapi::SPEC_JSON.contains("x-codeSamples"));
    }
}
