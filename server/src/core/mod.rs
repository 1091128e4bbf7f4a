//! Machinery shared across resources: ids, validation, money, signed links, and the webhook
//! plumbing (signing, the retry schedule, the SSRF policy and the guarded HTTP client).

pub mod bounded;
pub mod http_client;
pub mod ids;
pub mod link_signing;
pub mod money;
pub mod retry;
pub mod signing;
pub mod ssrf;
pub mod text;
pub mod time;
pub mod validate;
