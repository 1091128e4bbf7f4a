//! The rate limiter's clock: monotonic time plus an offset that tests move forward, so a test can
//! cross a minute window or a 60 s throttle without waiting for it.

use governor::nanos::Nanos;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone)]
pub struct ApiClock {
    origin: Instant,
    origin_unix: Duration,
    skipped_nanos: Arc<AtomicU64>,
}

impl Default for ApiClock {
    fn default() -> Self {
        Self {
            origin: Instant::now(),
            origin_unix: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default(),
            skipped_nanos: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl ApiClock {
    /// Moves this clock, and every clone of it, forward by `by`.
    pub fn advance(&self, by: Duration) {
        let nanos = u64::try_from(by.as_nanos()).unwrap_or(u64::MAX);
        self.skipped_nanos.fetch_add(nanos, Ordering::SeqCst);
    }

    /// This clock's reading as time since the Unix epoch: what the limits shared by replicas
    /// in Redis are kept in (the replicas' clocks agree to well under a request's interval).
    pub fn unix_now(&self) -> Duration {
        self.origin_unix + Duration::from(governor::clock::Clock::now(self))
    }
}

impl governor::clock::Clock for ApiClock {
    type Instant = Nanos;

    fn now(&self) -> Nanos {
        Nanos::from(self.origin.elapsed()) + Nanos::new(self.skipped_nanos.load(Ordering::SeqCst))
    }
}
