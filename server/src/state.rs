//! What every handler can reach.

use sqlx::SqlitePool;
use std::sync::Arc;

use crate::http::rate_limit::clock::ApiClock;
use crate::http::rate_limit::config::RateLimits;
use crate::http::rate_limit::limiter::RateLimiting;
use crate::vin::VinDecoder;

#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub vin: Arc<VinDecoder>,
    pub rate_limits: Arc<RateLimiting>,
}

impl AppState {
    pub fn new(db: SqlitePool) -> Self {
        Self {
            db,
            vin: Arc::new(VinDecoder::new()),
            rate_limits: Arc::new(RateLimiting::new(
                RateLimits::default(),
                ApiClock::default(),
            )),
        }
    }

    /// Other limits, or a clock a test moves forward.
    pub fn with_rate_limits(mut self, limits: RateLimits, clock: ApiClock) -> Self {
        self.rate_limits = Arc::new(RateLimiting::new(limits, clock));
        self
    }
}
