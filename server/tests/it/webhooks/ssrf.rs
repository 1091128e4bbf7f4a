//! SSRF protection: every refused address class at registration, a hostname resolving to a
//! private address, a DNS answer that changes to loopback after registration, and a redirect to
//! a private address.

use serde_json::json;
use std::time::Duration;

use super::receiver::{Answer, Receiver};
use super::{StaticResolver, local_app, register, settled, strict_app, strict_app_with};

#[tokio::test]
async fn every_internal_address_class_is_refused() {
    let app = strict_app().await;
    let refused = [
        ("https://127.0.0.1/hook", "loopback"),
        ("https://127.8.9.10/hook", "loopback"),
        ("https://[::1]/hook", "loopback"),
        ("https://localhost/hook", "loopback"),
        ("https://api.localhost/hook", "loopback"),
        ("https://10.0.0.1/hook", "private"),
        ("https://172.16.5.4/hook", "private"),
        ("https://192.168.1.1/hook", "private"),
        ("https://169.254.169.254/latest/meta-data", "link-local"),
        ("https://[fe80::1]/hook", "link-local"),
        ("https://100.64.0.1/hook", "CGNAT"),
        ("https://224.0.0.251/hook", "multicast"),
        ("https://[ff02::1]/hook", "multicast"),
        ("https://0.0.0.0/hook", "unspecified"),
        ("https://[::]/hook", "unspecified"),
        ("https://192.0.2.1/hook", "documentation"),
        ("https://203.0.113.9/hook", "documentation"),
        ("https://[2001:db8::1]/hook", "documentation"),
        ("https://[::ffff:127.0.0.1]/hook", "IPv4-mapped"),
        ("https://[::ffff:10.0.0.1]/hook", "IPv4-mapped"),
        ("https://[fd00::1]/hook", "unique local"),
        ("https://2130706433/hook", "loopback"),
        ("http://93.184.216.34/hook", "HTTPS"),
        ("ftp://93.184.216.34/hook", "HTTPS"),
    ];
    for (url, why) in refused {
        // A URL outside the spec's shape (not https, an IPv6 or numeric host) is a 400; a
        // well-formed one whose address is not public, which no pattern can tell, a 422.
        let well_formed =
            url.starts_with("https://") && !url.contains('[') && !url.contains("2130706433");
        let (status, why) = match well_formed {
            true => (422, why),
            false => (400, "https://"),
        };
        let reply = app
            .post(
                "/webhooks",
                &app.test_key,
                json!({ "url": url, "events": ["*"] }),
            )
            .await
            .expect_error(status, "invalid_webhook_url");
        assert!(reply.message().contains(why), "{url}: {}", reply.message());
        assert_eq!(reply.body["error"]["param"], "url");
    }
    // An http:// loopback URL has the spec's shape (local development servers take it); this
    // server, without the allowance, refuses it by policy.
    let local = json!({ "url": "http://127.0.0.1:9000/hook", "events": ["*"] });
    let reply = app
        .post("/webhooks", &app.test_key, local)
        .await
        .expect_error(422, "invalid_webhook_url");
    assert!(reply.message().contains("loopback"), "{}", reply.message());
    app.post(
        "/webhooks",
        &app.test_key,
        json!({ "url": "https://93.184.216.34/hook", "events": ["*"] }),
    )
    .await
    .expect(201);
    // Updates are checked the same way.
    let id = app.get("/webhooks", &app.test_key).await.body["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.put(
        &format!("/webhooks/{id}"),
        &app.test_key,
        json!({ "url": "https://10.1.1.1/" }),
    )
    .await
    .expect_error(422, "invalid_webhook_url");
}

#[tokio::test]
async fn the_local_development_allowance_covers_loopback_only() {
    let app = local_app(0.001).await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://localhost:9/hook",
        "http://[::1]:9/hook",
    ] {
        app.post(
            "/webhooks",
            &app.test_key,
            json!({ "url": url, "events": ["*"] }),
        )
        .await
        .expect(201);
    }
    // Loopback alone: other http:// URLs are outside the spec's shape (400), and a private
    // address is refused by the policy (422).
    for (url, status) in [
        ("http://10.0.0.1/hook", 400),
        ("https://192.168.0.10/hook", 422),
        ("http://[::ffff:127.0.0.1]/", 400),
    ] {
        app.post(
            "/webhooks",
            &app.test_key,
            json!({ "url": url, "events": ["*"] }),
        )
        .await
        .expect_error(status, "invalid_webhook_url");
    }
}

#[tokio::test]
async fn a_hostname_resolving_to_a_private_address_is_refused_at_registration() {
    let resolver = StaticResolver::default();
    resolver.set("intranet.yourapp.com", "10.0.3.7");
    let app = strict_app_with(resolver).await;
    let reply = app
        .post(
            "/webhooks",
            &app.test_key,
            json!({ "url": "https://intranet.yourapp.com/hook", "events": ["*"] }),
        )
        .await
        .expect_error(422, "invalid_webhook_url");
    assert!(
        reply.message().contains("10.0.3.7 is a private address"),
        "{}",
        reply.message()
    );
}

#[tokio::test]
async fn a_dns_answer_that_changes_to_loopback_is_refused_at_connection_time() {
    let receiver = Receiver::ok().await;
    let port = receiver
        .url
        .split(':')
        .nth(2)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let resolver = StaticResolver::default();
    resolver.set("hooks.yourapp.com", "93.184.216.34");
    let app = strict_app_with(resolver.clone()).await;
    let url = format!("https://hooks.yourapp.com:{port}/hooks/vinsnap");
    let (endpoint, _) = register(&app, &url, json!(["*"])).await;

    resolver.set("hooks.yourapp.com", "127.0.0.1");
    let test = app
        .call(
            reqwest::Method::POST,
            &format!("/webhooks/{endpoint}/test"),
            Some(&app.test_key),
            None,
        )
        .await
        .expect(200)
        .body;
    assert_eq!(test["success"], false);
    assert_eq!(test["status_code"], serde_json::Value::Null);
    let message = test["message"].as_str().unwrap();
    assert!(
        message.contains("resolves to 127.0.0.1 is a loopback address"),
        "{message}"
    );

    app.customer("Rebound").await;
    let list = app
        .get(
            &format!("/webhooks/{endpoint}/deliveries?event_type=customer.created"),
            &app.test_key,
        )
        .await
        .body;
    let delivery = list["data"][0]["id"].as_str().unwrap().to_owned();
    // The attempt is refused (and retried on the schedule, refused again each time).
    super::eventually(Duration::from_secs(10), || async {
        let detail = app
            .get(&format!("/webhook-deliveries/{delivery}"), &app.test_key)
            .await
            .body;
        detail["attempts"].as_array().is_some_and(|a| !a.is_empty())
    })
    .await;
    let detail = app
        .get(&format!("/webhook-deliveries/{delivery}"), &app.test_key)
        .await
        .body;
    let error = detail["attempts"][0]["error"].as_str().unwrap();
    assert!(error.contains("127.0.0.1 is a loopback address"), "{error}");
    assert_eq!(
        detail["attempts"][0]["status_code"],
        serde_json::Value::Null
    );
    assert!(
        receiver.received().is_empty(),
        "nothing reached the loopback receiver"
    );
}

#[tokio::test]
async fn a_redirect_to_a_private_address_is_not_followed() {
    let app = local_app(0.001).await;
    let receiver = Receiver::start(
        vec![Answer::status(302).header("location", "http://10.0.0.1/admin")],
        Answer::status(200),
    )
    .await;
    register(&app, &receiver.url, json!(["*"])).await;
    app.customer("Redirect").await;
    let received = receiver.wait_for(1, Duration::from_secs(10)).await;
    let detail = settled(
        &app,
        received[0].header("x-vinsnap-delivery"),
        Duration::from_secs(10),
    )
    .await;
    let first = &detail["attempts"][0];
    assert_eq!(first["status_code"], 302);
    assert_eq!(first["error"], "redirects are not followed");
}
