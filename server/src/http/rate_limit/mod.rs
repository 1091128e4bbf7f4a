//! Rate limits per API key and category, as published: reads 600/min, writes 120/min, parts
//! search 60/min, VIN decode 30/min (the `pro` tier; `free` and `enterprise` differ), with
//! `X-RateLimit-Limit/Remaining/Reset` on every authenticated response, a 429 with `Retry-After`
//! past the limit, and a 60 s throttle of a key that keeps sending after being refused.
//!
//! Requests without a valid key are not counted and carry no `X-RateLimit-*` headers: there is
//! no key to count them against (they are refused with 401 before doing any work).
//!
//! Counts live in this process ([`local`]), so each replica enforces the limits on its own,
//! unless the server runs with `--redis`: then every replica counts in Redis ([`shared`]) and a
//! key's limit holds across all of them ([`limiter`] says what happens when Redis is down).

pub mod clock;
pub mod config;
pub mod limiter;
mod local;
mod shared;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use self::limiter::{Decision, Verdict};
use super::error::ApiError;
use crate::auth::Caller;
use crate::state::AppState;

pub const LIMIT: &str = "x-ratelimit-limit";
pub const REMAINING: &str = "x-ratelimit-remaining";
pub const RESET: &str = "x-ratelimit-reset";

/// Which budget a request draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Read,
    Write,
    PartsSearch,
    VinDecode,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Read,
        Category::Write,
        Category::PartsSearch,
        Category::VinDecode,
    ];

    /// Parts search and VIN decode have budgets of their own; every other GET is a read and
    /// every other method a write.
    pub fn of(method: &Method, route: Option<&str>) -> Self {
        match route {
            Some("/parts/search") => Category::PartsSearch,
            Some("/vin/{vin}") => Category::VinDecode,
            _ if method == Method::GET || method == Method::HEAD => Category::Read,
            _ => Category::Write,
        }
    }

    /// As `/metrics` labels it.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Read => "reads",
            Category::Write => "writes",
            Category::PartsSearch => "parts_search",
            Category::VinDecode => "vin_decode",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Category::Read => "read",
            Category::Write => "write",
            Category::PartsSearch => "parts search",
            Category::VinDecode => "VIN decode",
        }
    }
}

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(caller) = request.extensions().get::<Caller>() else {
        return next.run(request).await;
    };
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str);
    let category = Category::of(request.method(), route);
    let decision = state
        .rate_limits
        .check(&caller.key_id, caller.tier, category)
        .await;
    let mut response = match decision.verdict {
        Verdict::Allowed => next.run(request).await,
        Verdict::Limited | Verdict::Throttled => refusal(&decision).into_response(),
    };
    write_headers(response.headers_mut(), &decision);
    response
}

fn refusal(decision: &Decision) -> ApiError {
    let retry = decision.retry_after_secs.unwrap_or(1);
    let (code, message) = match decision.verdict {
        Verdict::Throttled => (
            "key_throttled",
            format!(
                "This API key kept sending past its rate limit and is throttled: every request is \
                 refused for {retry} more s"
            ),
        ),
        _ => (
            "rate_limited",
            format!(
                "Rate limit exceeded: this API key may make {} {} requests a minute; retry in {retry} s",
                decision.limit,
                decision.category.noun()
            ),
        ),
    };
    ApiError::new(StatusCode::TOO_MANY_REQUESTS, code, message).with_retry_after(retry)
}

fn write_headers(headers: &mut HeaderMap, decision: &Decision) {
    headers.insert(LIMIT, HeaderValue::from(decision.limit));
    headers.insert(REMAINING, HeaderValue::from(decision.remaining));
    headers.insert(RESET, HeaderValue::from(decision.reset_unix));
}
