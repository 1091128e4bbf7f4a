//! Endpoint management: create (secret shown once), read, partial update, delete, the limit of
//! ten per shop and mode, validation, scopes and tenancy.

use serde_json::json;
use vinsnap_server::auth::{Mode, Scope};

use super::strict_app;

#[tokio::test]
async fn crud_with_the_secret_shown_once_and_partial_updates() {
    let app = strict_app().await;
    let created = app
        .post(
            "/webhooks",
            &app.test_key,
            json!({
                "url": "https://yourapp.com/webhooks/vinsnap",
                "events": ["customer.updated", "customer.created", "customer.created"],
                "description": "CRM sync"
            }),
        )
        .await
        .expect(201)
        .body;
    let id = created["id"].as_str().unwrap();
    assert!(id.starts_with("we_"));
    assert!(created["secret"].as_str().unwrap().starts_with("whsec_"));
    assert_eq!(created["url"], "https://yourapp.com/webhooks/vinsnap");
    assert_eq!(
        created["events"],
        json!(["customer.created", "customer.updated"])
    );
    assert_eq!(created["description"], "CRM sync");
    assert_eq!(created["active"], true);
    assert_eq!(created["status"], "enabled");
    assert_eq!(created["consecutive_failures"], 0);
    assert_eq!(created["livemode"], false);

    let path = format!("/webhooks/{id}");
    let fetched = app.get(&path, &app.test_key).await.expect(200).body;
    let mut expected = created.clone();
    expected.as_object_mut().unwrap().remove("secret");
    assert_eq!(fetched, expected);
    let list = app.get("/webhooks", &app.test_key).await.expect(200).body;
    assert_eq!(list["total"], 1);
    assert_eq!(list["data"][0], expected);

    let updated = app
        .put(&path, &app.test_key, json!({ "events": ["*"] }))
        .await
        .expect(200)
        .body;
    assert_eq!(updated["events"], json!(["*"]));
    assert_eq!(
        updated["url"], created["url"],
        "fields not sent are unchanged"
    );
    assert_eq!(updated["description"], "CRM sync");
    let cleared = app
        .put(
            &path,
            &app.test_key,
            json!({ "description": null, "url": "https://hooks.yourapp.com/v2", "active": false }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(cleared["description"], json!(null));
    assert_eq!(cleared["url"], "https://hooks.yourapp.com/v2");
    assert_eq!(cleared["status"], "disabled");
    assert_eq!(cleared["disabled_reason"], "manual");
    assert_eq!(
        app.get(&path, &app.test_key).await.expect(200).body,
        cleared
    );

    let deleted = app.delete(&path, &app.test_key).await.expect(200).body;
    assert_eq!(deleted, json!({ "id": id, "deleted": true }));
    app.get(&path, &app.test_key)
        .await
        .expect_error(404, "webhook_endpoint_not_found");
}

#[tokio::test]
async fn bad_input_is_a_named_400() {
    let app = strict_app().await;
    let url = "https://yourapp.com/hook";
    let cases = [
        (
            json!({ "url": url, "events": ["order.created"] }),
            "invalid_request",
            Some("events[0]"),
        ),
        (
            json!({ "url": url, "events": ["customer.created", "nope"] }),
            "invalid_request",
            Some("events[1]"),
        ),
        (
            json!({ "url": url, "events": ["ping"] }),
            "invalid_request",
            Some("events[0]"),
        ),
        (
            json!({ "url": url, "events": [] }),
            "invalid_request",
            Some("events"),
        ),
        (
            json!({ "url": url, "events": ["*", "customer.created"] }),
            "invalid_request",
            Some("events"),
        ),
        (
            json!({ "url": url, "events": "customer.created" }),
            "invalid_request",
            Some("events"),
        ),
        (json!({ "events": ["*"] }), "invalid_request", None),
        (
            json!({ "url": url, "events": ["*"], "secret": "mine" }),
            "invalid_request",
            None,
        ),
        (
            json!({ "url": "not a url", "events": ["*"] }),
            "invalid_webhook_url",
            Some("url"),
        ),
        (
            json!({ "url": "http://yourapp.com/hook", "events": ["*"] }),
            "invalid_webhook_url",
            Some("url"),
        ),
        (
            json!({ "url": url, "events": ["*"], "description": "x".repeat(501) }),
            "invalid_request",
            Some("description"),
        ),
    ];
    for (body, code, param) in cases {
        let reply = app
            .post("/webhooks", &app.test_key, body.clone())
            .await
            .expect_error(400, code);
        if let Some(param) = param {
            assert_eq!(reply.body["error"]["param"], param, "{body}");
        }
    }
    let unknown = app
        .post(
            "/webhooks",
            &app.test_key,
            json!({ "url": url, "events": ["order.created"] }),
        )
        .await;
    assert!(
        unknown.message().contains("customer.created"),
        "lists the known names"
    );
    app.get("/webhooks/wh_123", &app.test_key)
        .await
        .expect_error(400, "invalid_id");
    app.get("/webhook-deliveries/dlv_nope", &app.test_key)
        .await
        .expect_error(400, "invalid_id");
    app.put(
        "/webhooks/we_01jd3qa0f3g4h5j6k7m8n9p0q1",
        &app.test_key,
        json!({ "active": "yes" }),
    )
    .await
    .expect_error(400, "invalid_request");
    app.get("/webhooks?limit=0", &app.test_key)
        .await
        .expect_error(400, "invalid_query");
}

#[tokio::test]
async fn at_most_ten_endpoints_per_shop_and_mode() {
    let app = strict_app().await;
    for i in 0..10 {
        app.post(
            "/webhooks",
            &app.test_key,
            json!({ "url": format!("https://yourapp.com/hook/{i}"), "events": ["*"] }),
        )
        .await
        .expect(201);
    }
    app.post(
        "/webhooks",
        &app.test_key,
        json!({ "url": "https://yourapp.com/x", "events": ["*"] }),
    )
    .await
    .expect_error(409, "webhook_endpoint_limit");
    // The other mode has its own ten.
    app.post(
        "/webhooks",
        &app.live_key,
        json!({ "url": "https://yourapp.com/x", "events": ["*"] }),
    )
    .await
    .expect(201);
    let page = app
        .get("/webhooks?limit=4&offset=8", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(page["total"], 10);
    assert_eq!(page["data"].as_array().unwrap().len(), 2);
    assert_eq!(page["has_more"], false);
}

#[tokio::test]
async fn scopes_locations_modes_and_shops_are_enforced() {
    let app = strict_app().await;
    let created = app
        .post(
            "/webhooks",
            &app.test_key,
            json!({ "url": "https://yourapp.com/h", "events": ["*"] }),
        )
        .await
        .expect(201)
        .body;
    let path = format!("/webhooks/{}", created["id"].as_str().unwrap());

    let readers = app.key(Mode::Test, &[Scope::CustomersRead], None).await;
    app.get("/webhooks", &readers)
        .await
        .expect_error(403, "missing_scope");
    let local = app
        .key(
            Mode::Test,
            &[Scope::WebhooksManage],
            Some(&app.locations[0]),
        )
        .await;
    app.get("/webhooks", &local)
        .await
        .expect_error(403, "location_forbidden");
    app.call(reqwest::Method::GET, "/webhooks", None, None)
        .await
        .expect_error(401, "missing_api_key");

    app.get(&path, &app.live_key)
        .await
        .expect_error(404, "webhook_endpoint_not_found");
    assert_eq!(app.get("/webhooks", &app.live_key).await.body["total"], 0);
    let rival = app.other_shop_key().await;
    app.get(&path, &rival)
        .await
        .expect_error(404, "webhook_endpoint_not_found");
    app.delete(&path, &rival)
        .await
        .expect_error(404, "webhook_endpoint_not_found");
    app.get(&path, &app.test_key).await.expect(200);
}
