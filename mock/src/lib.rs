//! The VinSnap sandbox mock: the spec (`openapi/openapi.json`, read through
//! `vinsnap-openapi`) compiled once into an [`Engine`] that answers requests
//! the way the real API does — documented examples, sandbox key semantics,
//! `Prefer` (Prism's dialect), request validation, rate-limit headers — and
//! sends signed webhooks on demand.
//!
//! Two transports serve the same engine:
//! - [`MockApi`]: a `wiremock::MockServer` for Rust tests, with room for
//!   the test's own `Mock` overrides and wiremock's request verification;
//! - [`server::serve`] (the `vinsnap-mock` binary): axum/hyper, with flat
//!   memory under long runs, and the docs site at `/docs` ([`docs`]).
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let api = vinsnap_mock::MockApi::start().await;
//! let customer: serde_json::Value = reqwest::Client::new()
//!     .get(format!("{}/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9", api.uri()))
//!     .bearer_auth("vsk_test_123")
//!     .send()
//!     .await?
//!     .json()
//!     .await?;
//! assert_eq!(customer["id"], "cus_01jd3q9a1bc2d3e4f5g6h7j8k9");
//! # Ok(()) }
//! ```

pub mod docs;
pub mod engine;
pub mod server;
pub mod webhook;
mod wiremock;

pub use engine::{BuildError, Engine, MockRequest, MockResponse, Outcome, PendingDelivery};
pub use webhook::TRIGGER_PATH;
pub use wiremock::MockApi;
