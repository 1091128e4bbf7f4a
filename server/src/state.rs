//! What every handler can reach.

use crate::db::Db;
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::core::link_signing::LinkSigner;
use crate::core::metrics::Metrics;
use crate::dispatcher::Webhooks;
use crate::http::idempotency::Claims;
use crate::http::rate_limit::clock::ApiClock;
use crate::http::rate_limit::config::RateLimits;
use crate::http::rate_limit::limiter::RateLimiting;
use crate::vin::VinDecoder;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub vin: Arc<VinDecoder>,
    pub config: Arc<Config>,
    pub links: LinkSigner,
    pub webhooks: Arc<Webhooks>,
    pub rate_limits: Arc<RateLimiting>,
    pub metrics: Metrics,
    /// This process's idempotency claims.
    pub idempotency: Claims,
    /// Cancelled when the server starts shutting down: outbound calls (webhook attempts, test
    /// calls, invoice emails) stop waiting, so that shutdown is not held up by a slow receiver.
    pub stopping: CancellationToken,
}

impl AppState {
    pub fn new(db: Db) -> Self {
        Self::with_config(db, Config::default())
    }

    pub fn with_config(db: Db, config: Config) -> Self {
        let metrics = Metrics::default();
        Self {
            links: LinkSigner::new(config.link_secret.clone()),
            db,
            vin: Arc::new(VinDecoder::new()),
            config: Arc::new(config),
            webhooks: Arc::new(Webhooks::default()),
            rate_limits: Arc::new(RateLimiting::new(
                RateLimits::default(),
                ApiClock::default(),
                metrics.clone(),
            )),
            metrics,
            idempotency: Claims::default(),
            stopping: CancellationToken::new(),
        }
    }

    /// The time every resource and event is stamped with (`config.clock`).
    pub fn now(&self) -> DateTime<Utc> {
        self.config.clock.now()
    }

    /// With webhook settings other than the strict defaults (local receivers, a time scale).
    pub fn with_webhooks(mut self, webhooks: Webhooks) -> Self {
        self.webhooks = Arc::new(webhooks);
        self
    }

    /// Idempotency claims held under `lease` rather than the default.
    pub fn with_idempotency_lease(mut self, lease: std::time::Duration) -> Self {
        self.idempotency = Claims::new(lease);
        self
    }

    /// A VIN decoder other than the WMI table alone (the vPIC decoder as provider).
    pub fn with_vin(mut self, decoder: VinDecoder) -> Self {
        self.vin = Arc::new(decoder);
        self
    }

    /// Other limits, or a clock a test moves forward.
    pub fn with_rate_limits(mut self, limits: RateLimits, clock: ApiClock) -> Self {
        self.rate_limits = Arc::new(RateLimiting::new(limits, clock, self.metrics.clone()));
        self
    }

    /// Limits counted in Redis, shared by every replica (`serve --redis`), with the given
    /// limits and clock.
    pub fn with_shared_rate_limits(
        mut self,
        redis_url: &str,
        limits: RateLimits,
        clock: ApiClock,
    ) -> redis::RedisResult<Self> {
        let limiting =
            RateLimiting::new(limits, clock, self.metrics.clone()).with_redis(redis_url)?;
        self.rate_limits = Arc::new(limiting);
        Ok(self)
    }
}
