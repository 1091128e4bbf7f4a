//! The API's clock. Every resource and event is stamped, and every expiry checked, with one
//! [`Clock`] (`AppState::now`): the system's in production, a [`ManualClock`] in tests that move
//! time instead of waiting. Readings are UTC, truncated to milliseconds so stored and returned
//! timestamps read the same (`2026-11-22T10:15:30.123Z`) everywhere.
//!
//! Two things run on real time instead, because they wait for it to pass: the webhook
//! dispatcher's retry schedule (with its attempt log) and the rate limiter.

use chrono::{DateTime, SubsecRound, Utc};
use std::sync::Mutex;

/// The system clock's reading, truncated to milliseconds.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

/// Where timestamps and expiry checks read the time.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        now()
    }
}

/// A clock that only moves when told to (tests, simulations).
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        Self(Mutex::new(start))
    }

    pub fn advance(&self, by: chrono::Duration) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}
