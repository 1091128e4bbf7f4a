//! Per-key decisions, and what the response says about them. Counted in this process
//! ([`LocalLimits`]) unless the server runs with `--redis`, when every replica counts in Redis
//! ([`SharedLimits`]). When Redis does not answer, the replica falls back to its own counts
//! (the limit then holds per replica, as without Redis) rather than refuse every request; it is
//! logged once, counted in `/metrics`, reported by `/readyz`, and the next second asks Redis
//! again.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::Category;
use super::clock::ApiClock;
use super::config::RateLimits;
use super::local::LocalLimits;
use super::shared::SharedLimits;
use crate::auth::Tier;
use crate::core::ids::ApiKeyId;
use crate::core::metrics::Metrics;

/// Limits are per minute.
pub const WINDOW: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Over the category's limit: `Retry-After` says when the next request fits.
    Limited,
    /// Throttled after a burst: every request is refused until the throttle ends.
    Throttled,
}

/// What a limiter decided about one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Allowed { remaining: u32 },
    Limited { wait: Duration },
    Throttled { wait: Duration },
}

/// What the `X-RateLimit-*` headers (and, when refused, `Retry-After`) report.
#[derive(Debug, Clone, Copy)]
pub struct Decision {
    pub verdict: Verdict,
    pub category: Category,
    pub limit: u32,
    pub remaining: u32,
    /// Unix time at which the full limit is available again.
    pub reset_unix: u64,
    /// Whole seconds until a request may succeed; set when refused.
    pub retry_after_secs: Option<u64>,
}

impl Decision {
    fn new(outcome: Outcome, category: Category, limit: u32, now_unix: Duration) -> Self {
        let interval = WINDOW / limit;
        let decision = |verdict, remaining, full_in: Duration, wait: Option<Duration>| Decision {
            verdict,
            category,
            limit,
            remaining,
            reset_unix: ceil_secs(now_unix + full_in),
            retry_after_secs: wait.map(|wait| ceil_secs(wait).max(1)),
        };
        match outcome {
            Outcome::Allowed { remaining } => decision(
                Verdict::Allowed,
                remaining,
                interval * (limit - remaining.min(limit)),
                None,
            ),
            Outcome::Limited { wait } => decision(
                Verdict::Limited,
                0,
                wait + interval * (limit - 1),
                Some(wait),
            ),
            Outcome::Throttled { wait } => {
                decision(Verdict::Throttled, 0, wait + interval * limit, Some(wait))
            }
        }
    }
}

pub struct RateLimiting {
    config: RateLimits,
    clock: ApiClock,
    local: LocalLimits,
    shared: Option<SharedLimits>,
    /// Whether the last shared check failed, so that a fallback is logged when it starts.
    falling_back: AtomicBool,
    metrics: Metrics,
}

impl RateLimiting {
    /// Limits counted in this process.
    pub fn new(config: RateLimits, clock: ApiClock, metrics: Metrics) -> Self {
        Self {
            local: LocalLimits::new(config.clone(), clock.clone()),
            config,
            clock,
            shared: None,
            falling_back: AtomicBool::new(false),
            metrics,
        }
    }

    /// Limits every replica shares, in the Redis at `url`.
    pub fn with_redis(mut self, url: &str) -> redis::RedisResult<Self> {
        self.shared = Some(SharedLimits::new(url, self.config.clone())?);
        Ok(self)
    }

    pub fn clock(&self) -> &ApiClock {
        &self.clock
    }

    /// Counts one request of `key` in `category` and says whether it may proceed.
    pub async fn check(&self, key: &ApiKeyId, tier: Tier, category: Category) -> Decision {
        let limit = self.config.tier(tier).of(category).get();
        let now = self.clock.unix_now();
        let outcome = match &self.shared {
            None => self.local.check(key, tier, category),
            Some(shared) => match shared.check(key, tier, category, now).await {
                Ok(outcome) => {
                    if self.falling_back.swap(false, Ordering::Relaxed) {
                        tracing::warn!("Redis answers again: rate limits are shared again");
                    }
                    outcome
                }
                Err(err) => {
                    if !self.falling_back.swap(true, Ordering::Relaxed) {
                        tracing::error!(
                            error = %err,
                            "Redis does not answer: counting rate limits per replica until it does"
                        );
                    }
                    self.metrics.rate_limit_fallbacks.inc();
                    self.local.check(key, tier, category)
                }
            },
        };
        let decision = Decision::new(outcome, category, limit, now);
        if decision.verdict != Verdict::Allowed {
            self.metrics
                .rate_limit_refusals
                .with_label_values(&[category.as_str()])
                .inc();
        }
        decision
    }

    /// `None` without Redis; otherwise whether it answers.
    pub async fn redis_health(&self) -> Option<Result<(), String>> {
        let shared = self.shared.as_ref()?;
        Some(shared.ping().await.map_err(|err| err.to_string()))
    }
}

fn ceil_secs(duration: Duration) -> u64 {
    duration.as_secs() + u64::from(duration.subsec_nanos() > 0)
}
