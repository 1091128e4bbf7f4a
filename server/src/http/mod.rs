//! The HTTP layer's cross-cutting pieces: the error envelope, extractors, request ids, paging,
//! rate limits and idempotency.

pub mod body_rules;
pub mod error;
pub mod error_codes;
pub mod extract;
pub mod idempotency;
pub mod pagination;
pub mod rate_limit;
pub mod rejections;
pub mod request_id;
pub mod responses;
