//! Per-key decisions: one GCRA limiter (governor) per tier and category, keyed by API key, and
//! the throttle that follows a burst past the limit.

use governor::clock::Clock;
use governor::middleware::{NoOpMiddleware, StateInformationMiddleware};
use governor::nanos::Nanos;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use super::Category;
use super::clock::ApiClock;
use super::config::RateLimits;
use crate::auth::Tier;
use crate::core::ids::ApiKeyId;

type KeyedLimiter =
    RateLimiter<ApiKeyId, DefaultKeyedStateStore<ApiKeyId>, ApiClock, StateInformationMiddleware>;

const TIERS: [Tier; 3] = [Tier::Free, Tier::Pro, Tier::Enterprise];
const WINDOW: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Over the category's limit: `Retry-After` says when the next request fits.
    Limited,
    /// Throttled after a burst: every request is refused until the throttle ends.
    Throttled,
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

/// Refusals of one key in the current minute, and its throttle, if any.
struct Strikes {
    since: Nanos,
    count: u32,
    throttled_until: Option<Nanos>,
}

pub struct RateLimiting {
    config: RateLimits,
    clock: ApiClock,
    limiters: HashMap<(Tier, Category), KeyedLimiter>,
    strikes: Mutex<HashMap<ApiKeyId, Strikes>>,
}

impl RateLimiting {
    pub fn new(config: RateLimits, clock: ApiClock) -> Self {
        let mut limiters = HashMap::new();
        for tier in TIERS {
            for category in Category::ALL {
                let quota = Quota::per_minute(config.tier(tier).of(category));
                let limiter: KeyedLimiter = RateLimiter::<_, _, _, NoOpMiddleware<Nanos>>::new(
                    quota,
                    DefaultKeyedStateStore::default(),
                    clock.clone(),
                )
                .with_middleware::<StateInformationMiddleware>();
                limiters.insert((tier, category), limiter);
            }
        }
        Self {
            config,
            clock,
            limiters,
            strikes: Mutex::new(HashMap::new()),
        }
    }

    pub fn clock(&self) -> &ApiClock {
        &self.clock
    }

    /// Counts one request of `key` in `category` and says whether it may proceed.
    pub fn check(&self, key: &ApiKeyId, tier: Tier, category: Category) -> Decision {
        let now = self.clock.now();
        let limit = self.config.tier(tier).of(category).get();
        let interval = Nanos::from(WINDOW / limit);
        let refused = |verdict, wait: Nanos, full_in: Nanos| Decision {
            verdict,
            category,
            limit,
            remaining: 0,
            reset_unix: self.clock.unix_secs(now + full_in),
            retry_after_secs: Some(ceil_secs(wait).max(1)),
        };
        if let Some(until) = self.throttled_until(key, now) {
            let wait = until.saturating_sub(now);
            return refused(Verdict::Throttled, wait, wait + interval * u64::from(limit));
        }
        let limiter = &self.limiters[&(tier, category)];
        match limiter.check_key(key) {
            Ok(state) => {
                let remaining = state.remaining_burst_capacity();
                Decision {
                    verdict: Verdict::Allowed,
                    category,
                    limit,
                    remaining,
                    reset_unix: self
                        .clock
                        .unix_secs(now + interval * u64::from(limit - remaining)),
                    retry_after_secs: None,
                }
            }
            Err(not_until) => {
                let wait = Nanos::from(not_until.wait_time_from(now));
                if let Some(until) = self.strike(key, now) {
                    let wait = until.saturating_sub(now);
                    return refused(Verdict::Throttled, wait, wait + interval * u64::from(limit));
                }
                refused(
                    Verdict::Limited,
                    wait,
                    wait + interval * u64::from(limit - 1),
                )
            }
        }
    }

    fn throttled_until(&self, key: &ApiKeyId, now: Nanos) -> Option<Nanos> {
        let mut strikes = self.strikes.lock().unwrap_or_else(|p| p.into_inner());
        let until = strikes.get(key)?.throttled_until?;
        if until > now {
            return Some(until);
        }
        strikes.remove(key);
        None
    }

    /// Records a refusal; returns the end of the throttle when this one starts it.
    fn strike(&self, key: &ApiKeyId, now: Nanos) -> Option<Nanos> {
        let mut strikes = self.strikes.lock().unwrap_or_else(|p| p.into_inner());
        let entry = strikes.entry(key.clone()).or_insert(Strikes {
            since: now,
            count: 0,
            throttled_until: None,
        });
        if now.saturating_sub(entry.since) >= Nanos::from(WINDOW) {
            entry.since = now;
            entry.count = 0;
        }
        entry.count += 1;
        if entry.count < self.config.throttle_after_rejections.get() {
            return None;
        }
        let until = now + Nanos::from(Duration::from_secs(self.config.throttle_seconds));
        entry.throttled_until = Some(until);
        Some(until)
    }
}

fn ceil_secs(nanos: Nanos) -> u64 {
    nanos.as_u64().div_ceil(1_000_000_000)
}
