use serde_json::json;
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::db;

use vinsnap_testkit::TestServer;

#[tokio::test]
async fn a_minted_key_is_shown_once_stored_hashed_and_works() {
    let app = TestServer::start().await;
    let created = app
        .post(
            "/api-keys",
            &app.test_key,
            json!({ "name": "Tablet", "scopes": ["customers:read"] }),
        )
        .await
        .expect(201)
        .body;
    let secret = created["secret"].as_str().unwrap().to_owned();
    assert!(
        secret.starts_with("vsk_test_"),
        "inherits the caller's mode"
    );
    assert_eq!(created["mode"], "test");
    assert_eq!(created["scopes"], json!(["customers:read"]));
    assert_eq!(
        created["redacted"],
        format!("vsk_test_…{}", &secret[secret.len() - 4..])
    );

    let stored: Vec<String> = db::query("SELECT secret_hash FROM api_keys")
        .fetch_scalars(&app.db)
        .await
        .unwrap();
    assert!(
        stored.iter().all(|h| !h.contains(&secret[9..])),
        "secrets are stored hashed"
    );

    let list = app.get("/api-keys", &app.test_key).await.expect(200).body;
    assert!(
        list["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k.get("secret").is_none()),
        "never listed"
    );
    assert!(
        list["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["id"] == created["id"])
    );
    assert!(
        list["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k["mode"] == "test"),
        "only the caller's mode"
    );

    app.get("/customers", &secret).await.expect(200);
    app.post("/customers", &secret, json!({ "name": "A" }))
        .await
        .expect_error(403, "missing_scope");
}

#[tokio::test]
async fn keys_cannot_widen_their_own_powers() {
    let app = TestServer::start().await;
    let manager = app
        .key(Mode::Test, &[Scope::KeysManage, Scope::CustomersRead], None)
        .await;
    let reply = app
        .post(
            "/api-keys",
            &manager,
            json!({ "scopes": ["customers:write"] }),
        )
        .await;
    reply.expect_error(403, "scope_escalation");
    let defaulted = app
        .post("/api-keys", &manager, json!({}))
        .await
        .expect(201)
        .body;
    assert_eq!(
        defaulted["scopes"],
        json!(["customers:read", "keys:manage"])
    );
    let unknown = app
        .post("/api-keys", &manager, json!({ "scopes": ["root"] }))
        .await;
    let unknown = unknown.expect_error(400, "invalid_request");
    assert!(
        unknown.message().contains("unknown variant `root`"),
        "{}",
        unknown.message()
    );
    app.post("/api-keys", &manager, json!({ "scopes": [] }))
        .await
        .expect_error(400, "invalid_request");

    let (north, south) = (&app.locations[0], &app.locations[1]);
    let north_manager = app.key(Mode::Test, Scope::ALL, Some(north)).await;
    let own = app
        .post("/api-keys", &north_manager, json!({}))
        .await
        .expect(201)
        .body;
    assert_eq!(
        own["location_id"],
        north.as_str(),
        "a location-limited key mints keys for its location"
    );
    let other = json!({ "location_id": south.as_str() });
    app.post("/api-keys", &north_manager, other)
        .await
        .expect_error(403, "location_forbidden");
    let south_key = app
        .post(
            "/api-keys",
            &app.test_key,
            json!({ "location_id": south.as_str() }),
        )
        .await
        .expect(201);
    assert_eq!(south_key.body["location_id"], south.as_str());
}

#[tokio::test]
async fn a_revoked_key_stops_working_at_once() {
    let app = TestServer::start().await;
    let created = app
        .post("/api-keys", &app.test_key, json!({ "name": "temp" }))
        .await
        .expect(201)
        .body;
    let secret = created["secret"].as_str().unwrap();
    let path = format!("/api-keys/{}", created["id"].as_str().unwrap());
    app.get("/customers", secret).await.expect(200);
    let deleted = app.delete(&path, &app.test_key).await.expect(200).body;
    assert_eq!(deleted["deleted"], true);
    app.get("/customers", secret)
        .await
        .expect_error(401, "invalid_api_key");
    app.delete(&path, &app.test_key)
        .await
        .expect_error(404, "api_key_not_found");
}

#[tokio::test]
async fn keys_of_the_other_mode_or_shop_are_404() {
    let app = TestServer::start().await;
    let live = app
        .post("/api-keys", &app.live_key, json!({}))
        .await
        .expect(201)
        .body;
    assert!(live["secret"].as_str().unwrap().starts_with("vsk_live_"));
    let path = format!("/api-keys/{}", live["id"].as_str().unwrap());
    app.delete(&path, &app.test_key)
        .await
        .expect_error(404, "api_key_not_found");
    let rival = app.other_shop_key().await;
    app.delete(&path, &rival)
        .await
        .expect_error(404, "api_key_not_found");
    app.get("/customers", live["secret"].as_str().unwrap())
        .await
        .expect(200);
}
