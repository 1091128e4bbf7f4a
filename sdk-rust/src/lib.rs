//! The VinSnap Rust SDK.
//!
//! The client is generated at build time from the API's OpenAPI document
//! (`openapi/openapi.json`) by progenitor: every operation of the API is a method on
//! [`Client`] returning a request builder, and every schema is a type in [`types`]. A new
//! endpoint in the API appears here by regenerating the spec; nothing per endpoint is written
//! by hand.
//!
//! The hand-written layer around it is small:
//! - [`Client`] / [`ClientBuilder`]: API key, base URL, timeout, retries, `User-Agent`;
//! - the transport under every call: retries with backoff and jitter (connection errors, 429
//!   honouring `Retry-After`, 500/502/503/504), one `Idempotency-Key` per POST kept across its
//!   retries, rate-limit capture ([`Client::rate_limit`]), a `tracing` span per request;
//! - [`Error`]: API errors (status, code, message, request id, `Retry-After`) apart from
//!   transport and decode errors;
//! - [`ListOperation::stream`]: every page of any list operation as one `Stream`;
//! - [`webhooks`]: signature verification into a typed [`webhooks::Event`];
//! - [`Client::call`]: any operation by its `operationId`, arguments as JSON (what the Python
//!   and Node bindings call), and [`with_explicit_nulls`] to clear a field with `null`.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use vinsnap::prelude::*;
//! use vinsnap::types::{CreateCustomer, CreateVehicle};
//!
//! # async fn run() -> Result<(), vinsnap::Error> {
//! let client = vinsnap::Client::builder("vsk_test_…").base_url("http://127.0.0.1:8080").build()?;
//!
//! let customer = client
//!     .create_customer()
//!     .body(CreateCustomer::builder().name("Sarah Chen").email(Some("s.chen@email.com".parse()?)))
//!     .send()
//!     .await?;
//! let vehicle = client
//!     .create_vehicle()
//!     .id(customer.id.clone())
//!     .body(CreateVehicle::builder().vin(Some("1HGCM82633A004352".parse()?)))
//!     .send()
//!     .await?;
//! println!("{:?} {:?}", vehicle.make, vehicle.model);
//!
//! let everyone: Vec<_> = client.list_customers().stream().try_collect().await?;
//! println!("{} customers", everyone.len());
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod client;
mod dispatch;
mod error;
mod generated;
mod pagination;
mod rate_limit;
mod transport;
pub mod webhooks;

pub use client::{Client, ClientBuilder, KeyMode, PRODUCTION_URL, USER_AGENT};
pub use dispatch::{Arguments, OPERATIONS};
pub use error::{ApiError, Error, Result};
pub use generated::progenitor::{ResponseValue, builder, types};
pub use pagination::{ListOperation, Page};
pub use rate_limit::RateLimit;
pub use transport::{IDEMPOTENCY_KEY, with_explicit_nulls};

pub use generated::pagination::LIST_OPERATIONS;

/// What a program calling the API needs in scope: [`Client`], the operation methods (one
/// extension trait per API tag, generated) and [`ListOperation`] for `.stream()`.
///
/// ```
/// use vinsnap::prelude::*;
///
/// let client = Client::new("vsk_test_123").unwrap();
/// let request = client.get_customer().id("cus_01jd3q9a1bc2d3e4f5g6h7j8k9");
/// # drop(request);
/// ```
pub mod prelude {
    pub use crate::generated::progenitor::prelude::*;
    // Named explicitly so it wins over the generated client the glob above also brings in.
    pub use crate::{Client, ListOperation};
}
