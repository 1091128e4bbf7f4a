//! Cross-component tests: SDK <-> server, SDK <-> mock, webhooks end to end, spec conformance.
//! The tests themselves live in `tests/`; this library holds what they and the benchmark share.

pub mod recorder;
pub mod server;
