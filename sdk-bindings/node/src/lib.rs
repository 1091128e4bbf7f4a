//! The native addon of the `vinsnap` Node package: the Rust SDK under napi-rs.
//!
//! Deliberately generic: one `call(operationId, params, body)` on a client, resolved on napi's
//! tokio runtime, and the webhook verifier and signer. Arguments and answers cross as JSON text
//! (`JSON.parse` in V8 is faster than building objects through N-API one value at a time). The
//! typed surface (resources, models, errors by class, pages) is the TypeScript package around
//! it, generated from the spec by `vinsnap-codegen`.

// napi registers its exports only outside `cfg(test)`, so a test build (clippy's) sees them unused.
#![cfg_attr(test, allow(dead_code))]

mod client;
mod failure;
mod webhooks;

use napi_derive::napi;

/// Every `operationId` the SDK can call, in the spec's order.
#[napi]
pub fn operations() -> Vec<String> {
    vinsnap::OPERATIONS.iter().map(|s| s.to_string()).collect()
}
