//! The rate-limit headers the real server sends, per the seed's table. The
//! sandbox never throttles on its own (a test should not fail for running
//! fast); `Prefer: code=429` shows what a throttled answer looks like.

use std::time::{SystemTime, UNIX_EPOCH};

use http::Method;
use serde_json::Value;
use vinsnap_openapi::Operation;

use super::envelope::{ApiError, MockResponse};

/// The seed's endpoint types, each with its own per-minute limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    Read,
    Write,
    PartsSearch,
    VinDecode,
}

impl Category {
    /// The category of an operation: the `x-rate-limit-category` extension if
    /// the spec states one, else the tag (`vin`, `parts`) and the method.
    pub(crate) fn of(op: &Operation<'_>) -> Category {
        let stated = op
            .json()
            .get("x-rate-limit-category")
            .and_then(Value::as_str)
            .and_then(Category::from_name);
        let tags = op.tags();
        let read = matches!(
            op.method(),
            vinsnap_openapi::Method::Get | vinsnap_openapi::Method::Head
        );
        stated.unwrap_or(if tags.contains(&"vin") {
            Category::VinDecode
        } else if tags.contains(&"parts") && read {
            Category::PartsSearch
        } else if read {
            Category::Read
        } else {
            Category::Write
        })
    }

    /// For requests that match no operation.
    pub(crate) fn of_method(method: &Method) -> Category {
        if method == Method::GET || method == Method::HEAD {
            Category::Read
        } else {
            Category::Write
        }
    }

    fn from_name(name: &str) -> Option<Category> {
        match name {
            "read" => Some(Category::Read),
            "write" => Some(Category::Write),
            "parts_search" => Some(Category::PartsSearch),
            "vin_decode" => Some(Category::VinDecode),
            _ => None,
        }
    }

    pub(crate) fn per_minute(self) -> u64 {
        match self {
            Category::Read => 600,
            Category::Write => 120,
            Category::PartsSearch => 60,
            Category::VinDecode => 30,
        }
    }
}

/// Unix seconds now and at the start of the next one-minute window.
fn window() -> (u64, u64) {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    (now, now - now % 60 + 60)
}

/// Adds `X-RateLimit-Limit/Remaining/Reset`; a 429 shows the window spent and
/// carries `Retry-After`.
pub(crate) fn stamp(response: &mut MockResponse, category: Category) {
    let (now, reset) = window();
    let limit = category.per_minute();
    let throttled = response.status.as_u16() == 429;
    response.set_header("x-ratelimit-limit", limit);
    // One request of a fresh window is spent: the sandbox keeps no counters.
    response.set_header(
        "x-ratelimit-remaining",
        if throttled { 0 } else { limit - 1 },
    );
    response.set_header("x-ratelimit-reset", reset);
    if throttled && !response.headers.contains_key("retry-after") {
        response.set_header("retry-after", (reset - now).max(1));
    }
}

/// The answer to `Prefer: code=429` on an operation whose spec documents no
/// 429 example: the server's throttling envelope.
pub(crate) fn throttled(category: Category) -> ApiError {
    let (now, reset) = window();
    let mut error = ApiError::new(
        429,
        "rate_limited",
        format!(
            "Too many requests: this endpoint allows {} requests per minute; retry after {} seconds",
            category.per_minute(),
            (reset - now).max(1)
        ),
    );
    error.retry_after = Some((reset - now).max(1));
    error
}
