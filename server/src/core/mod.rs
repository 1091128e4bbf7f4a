//! Machinery shared across resources: ids, validation, money, signed links, time, metrics, and the webhook
//! plumbing (the retry schedule, the SSRF policy and the guarded HTTP client; signatures are the
//! `vinsnap-signing` crate, shared with the mock and the SDK).

pub mod bounded;
pub mod http_client;
pub mod ids;
pub mod link_signing;
pub mod metrics;
pub mod money;
pub mod retry;
pub mod ssrf;
pub mod text;
pub mod time;
pub mod validate;
