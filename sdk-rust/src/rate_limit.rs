//! The rate-limit headers every response carries.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

/// A reading of `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
///
/// [`Client::rate_limit()`](crate::Client::rate_limit) holds the last one the client saw; a
/// single response's is [`RateLimit::from_headers`] of its headers.
///
/// ```
/// use reqwest::header::{HeaderMap, HeaderValue};
///
/// let mut headers = HeaderMap::new();
/// headers.insert("x-ratelimit-limit", HeaderValue::from_static("600"));
/// headers.insert("x-ratelimit-remaining", HeaderValue::from_static("599"));
/// headers.insert("x-ratelimit-reset", HeaderValue::from_static("1795000000"));
/// let reading = vinsnap::RateLimit::from_headers(&headers).unwrap();
/// assert_eq!((reading.limit, reading.remaining, reading.reset), (600, 599, 1795000000));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed in the window for this key and category.
    pub limit: u64,
    /// Requests left in the window.
    pub remaining: u64,
    /// When the window resets, in Unix seconds.
    pub reset: u64,
}

impl RateLimit {
    /// The reading in `headers`, or `None` unless all three headers are there and numeric.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        let number = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<u64>().ok();
        Some(RateLimit {
            limit: number("x-ratelimit-limit")?,
            remaining: number("x-ratelimit-remaining")?,
            reset: number("x-ratelimit-reset")?,
        })
    }

    /// Time left until the window resets (zero once it has).
    ///
    /// ```
    /// let reading = vinsnap::RateLimit { limit: 600, remaining: 0, reset: 0 };
    /// assert_eq!(reading.resets_in(), std::time::Duration::ZERO);
    /// ```
    pub fn resets_in(&self) -> Duration {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs();
        Duration::from_secs(self.reset.saturating_sub(now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn needs_all_three_numeric_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-limit", HeaderValue::from_static("600"));
        headers.insert("x-ratelimit-remaining", HeaderValue::from_static("12"));
        assert_eq!(RateLimit::from_headers(&headers), None);
        headers.insert("x-ratelimit-reset", HeaderValue::from_static("soon"));
        assert_eq!(RateLimit::from_headers(&headers), None);
        headers.insert("x-ratelimit-reset", HeaderValue::from_static("4102444800"));
        let reading = RateLimit::from_headers(&headers).unwrap();
        assert_eq!(reading.remaining, 12);
        assert!(reading.resets_in() > Duration::ZERO);
    }
}
