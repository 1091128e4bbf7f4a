//! Rate limits per key and category: headers on every authenticated response, 429 with
//! Retry-After past the limit, and the 60 s throttle after a burst (time moved by the test's
//! clock, not waited for).

use reqwest::Method;
use std::time::Duration;

use vinsnap_testkit::{Reply, TestServer};

const VIN: &str = "/vin/1HGCM82633A004352";

fn header(reply: &Reply, name: &str) -> u64 {
    reply
        .headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header (status {})", reply.status))
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[tokio::test]
async fn every_authenticated_response_carries_the_limits_of_its_category() {
    let app = TestServer::start().await;
    let key = &app.test_key;
    // pro tier: the published table.
    for (method, path, limit) in [
        (Method::GET, "/customers", 600),
        (Method::POST, "/customers", 120),
        (Method::GET, "/parts/search?vin=1HGCM82633A004352", 60),
        (Method::GET, VIN, 30),
        // Errors count and carry the headers too.
        (
            Method::GET,
            "/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
            600,
        ),
        (Method::GET, "/customers?limit=0", 600),
        (
            Method::DELETE,
            "/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9",
            120,
        ),
    ] {
        let body = (method == Method::POST).then(|| serde_json::json!({ "name": "A" }));
        let reply = app.call(method.clone(), path, Some(key), body).await;
        assert_eq!(
            header(&reply, "x-ratelimit-limit"),
            limit,
            "{method} {path}"
        );
        assert!(header(&reply, "x-ratelimit-remaining") < limit);
        let reset = header(&reply, "x-ratelimit-reset");
        assert!(reset >= unix_now() && reset <= unix_now() + 61, "{reset}");
    }
    // Each request takes one. Measured where one comes back only every 6 s (a free key's VIN
    // decodes, 10 a minute), so a slow machine between the two requests cannot refill it.
    let free = app.tier_key("free").await;
    let first = app.get(VIN, &free).await;
    let second = app.get(VIN, &free).await;
    assert_eq!(
        header(&second, "x-ratelimit-remaining"),
        header(&first, "x-ratelimit-remaining") - 1
    );
    // No key, nothing to count against: a 401 carries no rate-limit headers.
    let anonymous = app
        .call(Method::GET, "/customers", None, None)
        .await
        .expect(401);
    assert!(!anonymous.headers.contains_key("x-ratelimit-limit"));
}

#[tokio::test]
async fn past_the_limit_is_429_with_retry_after_and_other_categories_still_work() {
    let app = TestServer::start().await;
    let key = app.tier_key("free").await; // VIN decode: 10 a minute
    for i in 0..10 {
        let reply = app.get(VIN, &key).await.expect(200);
        assert_eq!(header(&reply, "x-ratelimit-limit"), 10);
        assert_eq!(header(&reply, "x-ratelimit-remaining"), 9 - i);
    }
    let refused = app.get(VIN, &key).await.expect_error(429, "rate_limited");
    assert_eq!(header(&refused, "x-ratelimit-remaining"), 0);
    assert_eq!(header(&refused, "x-ratelimit-limit"), 10);
    // One request comes back every 6 s.
    let retry_after = header(&refused, "retry-after");
    assert!((1..=6).contains(&retry_after), "{retry_after}");
    assert!(header(&refused, "x-ratelimit-reset") >= unix_now() + 55);
    assert!(
        refused
            .message()
            .contains("10 VIN decode requests a minute"),
        "{}",
        refused.message()
    );

    // Reads have their own budget; another key has its own.
    app.get("/customers", &key).await.expect(200);
    app.get(VIN, &app.test_key).await.expect(200);

    app.limiter_clock.advance(Duration::from_secs(retry_after));
    let again = app.get(VIN, &key).await.expect(200);
    assert_eq!(header(&again, "x-ratelimit-remaining"), 0);
    app.get(VIN, &key).await.expect_error(429, "rate_limited");
}

#[tokio::test]
async fn a_burst_past_the_limit_throttles_the_key_for_60_seconds() {
    let app = TestServer::start().await;
    let key = app.tier_key("free").await;
    for _ in 0..10 {
        app.get(VIN, &key).await.expect(200);
    }
    // Refusals 1 to 9 are plain 429s; the 10th within a minute starts the throttle.
    for _ in 0..9 {
        app.get(VIN, &key).await.expect_error(429, "rate_limited");
    }
    let throttled = app.get(VIN, &key).await.expect_error(429, "key_throttled");
    assert_eq!(header(&throttled, "retry-after"), 60);

    // Every category is refused while throttled, reads included, though their budget is full.
    app.limiter_clock.advance(Duration::from_secs(30));
    let read = app
        .get("/customers", &key)
        .await
        .expect_error(429, "key_throttled");
    assert_eq!(header(&read, "retry-after"), 30);
    assert_eq!(header(&read, "x-ratelimit-remaining"), 0);
    assert!(header(&read, "x-ratelimit-reset") >= unix_now() + 30);
    // Other keys are unaffected.
    app.get("/customers", &app.test_key).await.expect(200);

    app.limiter_clock.advance(Duration::from_secs(29));
    let last = app
        .get("/customers", &key)
        .await
        .expect_error(429, "key_throttled");
    assert_eq!(header(&last, "retry-after"), 1);

    app.limiter_clock.advance(Duration::from_secs(1));
    app.get("/customers", &key).await.expect(200);
    let vin = app.get(VIN, &key).await.expect(200);
    assert_eq!(header(&vin, "x-ratelimit-remaining"), 9);
}

#[tokio::test]
async fn occasional_refusals_spread_over_minutes_do_not_throttle() {
    let app = TestServer::start().await;
    let key = app.tier_key("free").await;
    for _ in 0..10 {
        app.get(VIN, &key).await.expect(200);
    }
    for _ in 0..3 {
        for _ in 0..5 {
            app.get(VIN, &key).await.expect_error(429, "rate_limited");
        }
        // A minute later the refusals so far no longer count, and the budget is back.
        app.limiter_clock.advance(Duration::from_secs(60));
        for _ in 0..10 {
            app.get(VIN, &key).await.expect(200);
        }
    }
}
