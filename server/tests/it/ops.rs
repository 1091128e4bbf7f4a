//! What an operator asks a replica: `/healthz`, `/readyz`, `/metrics` (no key needed), and a
//! server whose Redis is away still serving, its limits counted on its own.

use reqwest::Method;
use serde_json::json;
use vinsnap_testkit::{Options, TestServer};

async fn text(app: &TestServer, path: &str) -> (u16, String, String) {
    let response = app.raw(Method::GET, path).send().await.unwrap();
    let status = response.status().as_u16();
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    (status, kind, response.text().await.unwrap())
}

/// The value of the sample `name{labels}` (labels exactly as Prometheus' encoder writes them).
fn sample(metrics: &str, series: &str) -> Option<f64> {
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .map(|value| value.parse().unwrap())
}

/// A port nothing listens on.
async fn closed_port() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap().port()
}

#[tokio::test]
async fn healthz_and_readyz_answer_without_a_key() {
    let app = TestServer::start().await;
    let healthz = TestServer::reply(app.raw(Method::GET, "/healthz")).await;
    assert_eq!(healthz.status, 200);
    assert_eq!(healthz.body, json!({ "status": "ok" }));
    let readyz = TestServer::reply(app.raw(Method::GET, "/readyz")).await;
    assert_eq!(readyz.status, 200, "{}", readyz.body);
    // The suite on PostgreSQL counts rate limits in Redis, as replicas do.
    let redis = match vinsnap_testkit::database::suite_redis() {
        Some(_) => "ok",
        None => "not configured",
    };
    assert_eq!(
        readyz.body,
        json!({ "status": "ok", "checks": { "database": "ok", "redis": redis } })
    );
}

#[tokio::test]
async fn metrics_count_requests_refusals_and_the_webhook_queue() {
    let app = TestServer::start().await;
    let key = app.tier_key("free").await;
    app.get("/customers", &app.test_key).await.expect(200);
    app.get("/customers", &app.test_key).await.expect(200);
    app.get("/customers/cus_01jaaaaaaaaaaaaaaaaaaaaaaa", &app.test_key)
        .await
        .expect(404);
    // A free key decodes 10 VINs a minute: the 11th is refused.
    for _ in 0..10 {
        app.get("/vin/1HGCM82633A004352", &key).await.expect(200);
    }
    app.get("/vin/1HGCM82633A004352", &key)
        .await
        .expect_error(429, "rate_limited");

    let (status, kind, metrics) = text(&app, "/metrics").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    let requests = |route: &str, status: u16| {
        sample(
            &metrics,
            &format!(
                r#"vinsnap_http_requests_total{{method="GET",route="{route}",status="{status}"}}"#
            ),
        )
    };
    assert_eq!(requests("/customers", 200), Some(2.0), "{metrics}");
    // By route, not by path: the id is not a label.
    assert_eq!(requests("/customers/{id}", 404), Some(1.0), "{metrics}");
    assert_eq!(requests("/vin/{vin}", 429), Some(1.0), "{metrics}");
    assert_eq!(
        sample(
            &metrics,
            r#"vinsnap_http_request_duration_seconds_count{method="GET",route="/customers"}"#
        ),
        Some(2.0),
        "{metrics}"
    );
    assert_eq!(
        sample(
            &metrics,
            r#"vinsnap_rate_limit_refusals_total{category="vin_decode"}"#
        ),
        Some(1.0),
        "{metrics}"
    );
    for state in ["due", "scheduled", "in_flight"] {
        assert!(
            sample(
                &metrics,
                &format!(r#"vinsnap_webhook_queue_depth{{state="{state}"}}"#)
            )
            .is_some(),
            "{metrics}"
        );
    }
}

#[tokio::test]
async fn with_redis_away_a_replica_serves_and_counts_on_its_own() {
    let redis = format!("redis://127.0.0.1:{}", closed_port().await);
    let app = TestServer::start_with(Options {
        redis: Some(redis),
        ..Options::default()
    })
    .await;
    let key = app.tier_key("free").await;
    let reply = app.get("/customers", &app.test_key).await.expect(200);
    assert_eq!(reply.headers["x-ratelimit-limit"], "600");
    assert_eq!(reply.headers["x-ratelimit-remaining"], "599");
    // Still limited: per replica, with the same limits.
    for _ in 0..10 {
        app.get("/vin/1HGCM82633A004352", &key).await.expect(200);
    }
    app.get("/vin/1HGCM82633A004352", &key)
        .await
        .expect_error(429, "rate_limited");

    let readyz = TestServer::reply(app.raw(Method::GET, "/readyz")).await;
    assert_eq!(readyz.status, 200, "a replica without Redis still serves");
    assert_eq!(readyz.body["status"], "degraded", "{}", readyz.body);
    assert_eq!(readyz.body["checks"]["database"], "ok");
    assert!(
        readyz.body["checks"]["redis"]
            .as_str()
            .unwrap()
            .starts_with("unreachable"),
        "{}",
        readyz.body
    );
    let (_, _, metrics) = text(&app, "/metrics").await;
    assert!(
        sample(&metrics, "vinsnap_rate_limit_redis_fallbacks_total").is_some_and(|n| n >= 12.0),
        "{metrics}"
    );
}
