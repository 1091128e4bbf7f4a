//! The SDK's overhead: `GET /customers/{id}` through the SDK against the same request sent
//! with bare `reqwest` (the SDK's own version), to the same in-process server, in one run.
//!
//! Not a test: run it with
//! `cargo bench -p vinsnap-tests --bench sdk_overhead` (optionally `-- <iterations>`).
//! The two are interleaved (one SDK call, one bare call, alternating which goes first) so
//! drift in the machine's load hits both alike; it prints median, p90 and p99 of each and the
//! ratio of medians (target: the SDK within 5% of bare reqwest).

use std::num::NonZeroU32;
use std::time::{Duration, Instant};

use vinsnap::prelude::*;
use vinsnap::types::CreateCustomer;
use vinsnap_server::http::rate_limit::config::RateLimits;
use vinsnap_tests::server::{Options, SdkClients, TestServer};

const WARMUP: usize = 200;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let iterations: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(3000);
    // Thousands of reads from one key would hit the published 600/min limit; the limiter still
    // runs on every request, with room for the whole run.
    let mut limits = RateLimits::default();
    limits.pro.reads = NonZeroU32::MAX;
    let options = Options {
        rate_limits: Some(limits),
        ..Options::default()
    };
    let server = TestServer::start_with(options).await;
    let sdk = server.client(&server.test_key);
    let id = sdk
        .create_customer()
        .body(CreateCustomer::builder().name("Bench Customer"))
        .send()
        .await
        .expect("create")
        .into_inner()
        .id;

    // The baseline sends what the SDK sends: bearer auth, an Accept header, and parses the
    // JSON into the same type.
    let bare = reqwest::Client::builder().build().expect("client");
    let url = format!("{}/customers/{}", server.base, *id);
    let auth = format!("Bearer {}", server.test_key);

    let sdk_call = || async {
        let customer = sdk
            .get_customer()
            .id(id.clone())
            .send()
            .await
            .expect("sdk call");
        assert_eq!(customer.id, id);
    };
    let bare_call = || async {
        let response = bare
            .get(&url)
            .header("authorization", &auth)
            .header("accept", "application/json")
            .send()
            .await
            .expect("bare call");
        assert!(response.status().is_success());
        let customer: vinsnap::types::Customer = response.json().await.expect("json");
        assert_eq!(customer.id, id);
    };

    for _ in 0..WARMUP {
        sdk_call().await;
        bare_call().await;
    }
    let mut sdk_times = Vec::with_capacity(iterations);
    let mut bare_times = Vec::with_capacity(iterations);
    for i in 0..iterations {
        let mut time_sdk = async || {
            let start = Instant::now();
            sdk_call().await;
            sdk_times.push(start.elapsed());
        };
        if i % 2 == 0 {
            time_sdk().await;
            let start = Instant::now();
            bare_call().await;
            bare_times.push(start.elapsed());
        } else {
            let start = Instant::now();
            bare_call().await;
            bare_times.push(start.elapsed());
            time_sdk().await;
        }
    }

    let sdk = Stats::of(&mut sdk_times);
    let bare = Stats::of(&mut bare_times);
    println!(
        "GET /customers/{{id}}, {iterations} calls each, interleaved, after {WARMUP} warm-up calls"
    );
    println!("{:>14} {:>10} {:>10} {:>10}", "", "median", "p90", "p99");
    println!(
        "{:>14} {:>10.1?} {:>10.1?} {:>10.1?}",
        "bare reqwest", bare.median, bare.p90, bare.p99
    );
    println!(
        "{:>14} {:>10.1?} {:>10.1?} {:>10.1?}",
        "vinsnap SDK", sdk.median, sdk.p90, sdk.p99
    );
    let ratio = sdk.median.as_secs_f64() / bare.median.as_secs_f64();
    println!("ratio of medians (SDK / bare): {ratio:.3} (target <= 1.05)");
}

struct Stats {
    median: Duration,
    p90: Duration,
    p99: Duration,
}

impl Stats {
    fn of(times: &mut [Duration]) -> Stats {
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        Stats {
            median: at(0.5),
            p90: at(0.9),
            p99: at(0.99),
        }
    }
}
