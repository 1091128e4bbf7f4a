//! When to try again, and how long to wait first.

use std::time::{Duration, SystemTime};

use rand::Rng;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

/// How many times to retry and how long to back off; set through
/// [`ClientBuilder`](crate::ClientBuilder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RetryPolicy {
    pub max_retries: u32,
    pub initial_backoff: Duration,
    pub max_backoff: Duration,
    /// A `Retry-After` longer than this is not waited out: the 429 is returned instead, since a
    /// caller blocked for minutes is worse off than one told when to come back.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

/// What happened on one attempt, as far as retrying is concerned.
pub(crate) enum Outcome<'a> {
    Response(StatusCode, &'a HeaderMap),
    Error(&'a reqwest::Error),
}

impl RetryPolicy {
    /// How long to wait before retry number `retry` (1-based), or `None` when `outcome` is final.
    pub fn delay(&self, retry: u32, outcome: Outcome<'_>) -> Option<Duration> {
        if retry > self.max_retries {
            return None;
        }
        match outcome {
            Outcome::Error(e) if e.is_connect() || e.is_timeout() => Some(self.backoff(retry)),
            Outcome::Error(_) => None,
            Outcome::Response(StatusCode::TOO_MANY_REQUESTS, headers) => match retry_after(headers)
            {
                Some(wait) if wait > self.max_retry_after => None,
                Some(wait) => Some(wait),
                None => Some(self.backoff(retry)),
            },
            Outcome::Response(status, _) if is_retryable_status(status) => {
                Some(self.backoff(retry))
            }
            Outcome::Response(..) => None,
        }
    }

    /// Exponential backoff with jitter: `initial * 2^(retry-1)`, capped, then a random point in
    /// its upper half, so clients that failed together do not retry together.
    fn backoff(&self, retry: u32) -> Duration {
        let exp = self
            .initial_backoff
            .saturating_mul(
                1u32.checked_shl(retry.saturating_sub(1))
                    .unwrap_or(u32::MAX),
            )
            .min(self.max_backoff);
        let half = exp / 2;
        half + half.mul_f64(rand::rng().random::<f64>())
    }
}

/// 500 and the gateway errors: the server (or what stands before it) failed, not the request.
pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

/// `Retry-After` as a duration: delta-seconds, or an HTTP date (counted from now).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(retry_after: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_str(retry_after).unwrap());
        h
    }

    #[test]
    fn retries_only_the_transient_statuses() {
        let policy = RetryPolicy::default();
        let none = HeaderMap::new();
        for status in [500, 502, 503, 504, 429] {
            let status = StatusCode::from_u16(status).unwrap();
            assert!(
                policy.delay(1, Outcome::Response(status, &none)).is_some(),
                "{status}"
            );
        }
        for status in [400, 401, 403, 404, 409, 413, 415, 501] {
            let status = StatusCode::from_u16(status).unwrap();
            assert!(
                policy.delay(1, Outcome::Response(status, &none)).is_none(),
                "{status}"
            );
        }
    }

    #[test]
    fn stops_after_max_retries() {
        let policy = RetryPolicy {
            max_retries: 2,
            ..RetryPolicy::default()
        };
        let none = HeaderMap::new();
        let busy = Outcome::Response(StatusCode::SERVICE_UNAVAILABLE, &none);
        assert!(policy.delay(2, busy).is_some());
        let busy = Outcome::Response(StatusCode::SERVICE_UNAVAILABLE, &none);
        assert!(policy.delay(3, busy).is_none());
    }

    #[test]
    fn honours_retry_after_seconds_and_dates() {
        let policy = RetryPolicy::default();
        let wait = policy.delay(
            1,
            Outcome::Response(StatusCode::TOO_MANY_REQUESTS, &headers("7")),
        );
        assert_eq!(wait, Some(Duration::from_secs(7)));
        let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let wait = retry_after(&headers(&at)).unwrap();
        assert!(
            wait <= Duration::from_secs(30) && wait >= Duration::from_secs(28),
            "{wait:?}"
        );
    }

    #[test]
    fn does_not_wait_out_a_long_retry_after() {
        let policy = RetryPolicy::default();
        let outcome = Outcome::Response(StatusCode::TOO_MANY_REQUESTS, &headers("3600"));
        assert_eq!(policy.delay(1, outcome), None);
    }

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        let policy = RetryPolicy {
            max_retries: 10,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(400),
            ..RetryPolicy::default()
        };
        for _ in 0..50 {
            let first = policy.backoff(1);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let third = policy.backoff(3);
            assert!(third >= Duration::from_millis(200) && third <= Duration::from_millis(400));
            let tenth = policy.backoff(10);
            assert!(tenth <= Duration::from_millis(400));
        }
        let samples: std::collections::HashSet<Duration> =
            (0..20).map(|_| policy.backoff(2)).collect();
        assert!(samples.len() > 1, "jitter varies the delay");
    }
}
