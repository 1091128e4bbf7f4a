//! What `GET /metrics` reports, in Prometheus' text format: requests by route and status with
//! their latency, rate-limit refusals, webhook attempts and deliveries by outcome, and (read
//! from the database at each scrape) the webhook queue's depth. One registry per server, so
//! servers sharing a process (tests) count apart.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGaugeVec, Opts, Registry,
    TextEncoder,
};
use std::ops::Deref;
use std::sync::Arc;

/// Request latency buckets, in seconds: most answers take a few milliseconds.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Clone)]
pub struct Metrics(Arc<Families>);

pub struct Families {
    registry: Registry,
    /// `route` is the matched route (`/customers/{id}`), never the raw path.
    pub requests: IntCounterVec,
    pub latency: HistogramVec,
    pub rate_limit_refusals: IntCounterVec,
    /// Requests counted per replica because Redis did not answer.
    pub rate_limit_fallbacks: IntCounter,
    /// Every attempt the dispatcher made, by its result.
    pub webhook_attempts: IntCounterVec,
    /// Deliveries that settled, by how.
    pub webhook_deliveries: IntCounterVec,
    /// Set at each scrape: pending deliveries, and those of them due now.
    pub webhook_queue: IntGaugeVec,
    /// Retention sweeps this replica ran (one replica runs each hour's).
    pub retention_sweeps: IntCounter,
}

impl Default for Metrics {
    fn default() -> Self {
        let registry = Registry::new();
        let families = Families {
            requests: IntCounterVec::new(
                Opts::new("vinsnap_http_requests_total", "HTTP requests answered."),
                &["method", "route", "status"],
            )
            .expect("metric"),
            latency: HistogramVec::new(
                HistogramOpts::new(
                    "vinsnap_http_request_duration_seconds",
                    "Time to answer an HTTP request.",
                )
                .buckets(LATENCY_BUCKETS.to_vec()),
                &["method", "route"],
            )
            .expect("metric"),
            rate_limit_refusals: IntCounterVec::new(
                Opts::new(
                    "vinsnap_rate_limit_refusals_total",
                    "Requests refused with 429 (rate_limited or key_throttled).",
                ),
                &["category"],
            )
            .expect("metric"),
            rate_limit_fallbacks: IntCounter::new(
                "vinsnap_rate_limit_redis_fallbacks_total",
                "Requests counted by this replica alone because Redis did not answer.",
            )
            .expect("metric"),
            webhook_attempts: IntCounterVec::new(
                Opts::new(
                    "vinsnap_webhook_attempts_total",
                    "Webhook delivery attempts, by result.",
                ),
                &["outcome"],
            )
            .expect("metric"),
            webhook_deliveries: IntCounterVec::new(
                Opts::new(
                    "vinsnap_webhook_deliveries_total",
                    "Webhook deliveries settled by this replica, by outcome.",
                ),
                &["outcome"],
            )
            .expect("metric"),
            webhook_queue: IntGaugeVec::new(
                Opts::new(
                    "vinsnap_webhook_queue_depth",
                    "Webhook deliveries waiting: all pending ones, and those due now.",
                ),
                &["state"],
            )
            .expect("metric"),
            retention_sweeps: IntCounter::new(
                "vinsnap_webhook_retention_sweeps_total",
                "Retention sweeps of the webhook logs run by this replica.",
            )
            .expect("metric"),
            registry,
        };
        let register = |metric: Box<dyn prometheus::core::Collector>| {
            families.registry.register(metric).expect("unique metric")
        };
        register(Box::new(families.requests.clone()));
        register(Box::new(families.latency.clone()));
        register(Box::new(families.rate_limit_refusals.clone()));
        register(Box::new(families.rate_limit_fallbacks.clone()));
        register(Box::new(families.webhook_attempts.clone()));
        register(Box::new(families.webhook_deliveries.clone()));
        register(Box::new(families.webhook_queue.clone()));
        register(Box::new(families.retention_sweeps.clone()));
        Metrics(Arc::new(families))
    }
}

impl Deref for Metrics {
    type Target = Families;

    fn deref(&self) -> &Families {
        &self.0
    }
}

impl Metrics {
    /// Every family in the text exposition format (`text/plain; version=0.0.4`).
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut out)
            .expect("metrics encode");
        String::from_utf8(out).expect("metrics are UTF-8")
    }
}
