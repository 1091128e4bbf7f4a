//! Limits kept in this process: one GCRA limiter (governor) per tier and category, keyed by API
//! key, and the throttle that follows a burst past the limit. Each replica counts on its own.

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
use super::limiter::{Outcome, WINDOW};
use crate::auth::Tier;
use crate::core::ids::ApiKeyId;

type KeyedLimiter =
    RateLimiter<ApiKeyId, DefaultKeyedStateStore<ApiKeyId>, ApiClock, StateInformationMiddleware>;

const TIERS: [Tier; 3] = [Tier::Free, Tier::Pro, Tier::Enterprise];

/// Refusals of one key in the current minute, and its throttle, if any.
struct Strikes {
    since: Nanos,
    count: u32,
    throttled_until: Option<Nanos>,
}

pub struct LocalLimits {
    config: RateLimits,
    clock: ApiClock,
    limiters: HashMap<(Tier, Category), KeyedLimiter>,
    strikes: Mutex<HashMap<ApiKeyId, Strikes>>,
}

impl LocalLimits {
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

    /// Counts one request of `key` in `category`.
    pub fn check(&self, key: &ApiKeyId, tier: Tier, category: Category) -> Outcome {
        let now = self.clock.now();
        if let Some(until) = self.throttled_until(key, now) {
            return Outcome::Throttled {
                wait: until.saturating_sub(now).into(),
            };
        }
        match self.limiters[&(tier, category)].check_key(key) {
            Ok(state) => Outcome::Allowed {
                remaining: state.remaining_burst_capacity(),
            },
            Err(not_until) => match self.strike(key, now) {
                Some(until) => Outcome::Throttled {
                    wait: until.saturating_sub(now).into(),
                },
                None => Outcome::Limited {
                    wait: not_until.wait_time_from(now),
                },
            },
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
