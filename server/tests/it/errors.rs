//! Bad input of every kind is a 4xx envelope naming the problem, never a 500.

use reqwest::Method;
use serde_json::json;

use vinsnap_testkit::TestServer;

#[tokio::test]
async fn malformed_json_wrong_content_type_and_empty_bodies() {
    let app = TestServer::start().await;
    let post = |body: &'static str, content_type: Option<&'static str>| {
        let mut request = app
            .raw(Method::POST, "/customers")
            .bearer_auth(&app.test_key)
            .body(body);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        TestServer::reply(request)
    };
    let reply = post(r#"{"name": "Sarah",}"#, Some("application/json"))
        .await
        .expect_error(400, "invalid_json");
    assert!(reply.message().contains("line 1"), "{}", reply.message());
    post(r#"{"name": "Sarah"} trailing"#, Some("application/json"))
        .await
        .expect_error(400, "invalid_json");
    post("[1, 2]", Some("application/json"))
        .await
        .expect_error(400, "invalid_request");
    post("", Some("application/json"))
        .await
        .expect_error(400, "invalid_json");
    post(r#"{"name": "Sarah"}"#, Some("text/plain"))
        .await
        .expect_error(415, "unsupported_media_type");
    post(r#"{"name": "Sarah"}"#, None)
        .await
        .expect_error(415, "unsupported_media_type");
    post(
        r#"{"name": "Sarah"}"#,
        Some("application/json; charset=utf-8"),
    )
    .await
    .expect(201);
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let app = TestServer::start().await;
    let big = json!({ "name": "x", "notes": "n".repeat(1024 * 1024 + 10) });
    app.post("/customers", &app.test_key, big)
        .await
        .expect_error(413, "payload_too_large");
    // Just under the limit parses, and is then refused by the field's own limit.
    let near = json!({ "name": "x", "notes": "n".repeat(1024 * 1000) });
    app.post("/customers", &app.test_key, near)
        .await
        .expect_error(400, "invalid_request");
}

#[tokio::test]
async fn unknown_fields_are_named() {
    let app = TestServer::start().await;
    let reply = app
        .post(
            "/customers",
            &app.test_key,
            json!({ "name": "A", "emial": "a@b.co" }),
        )
        .await;
    let reply = reply.expect_error(400, "invalid_request");
    assert!(
        reply.message().contains("unknown field `emial`"),
        "{}",
        reply.message()
    );
}

#[tokio::test]
async fn bad_path_ids_are_400_and_well_formed_unknown_ids_404() {
    let app = TestServer::start().await;
    for path in [
        "/customers/12345",
        "/customers/veh_01jd3q9b2cd3e4f5g6h7j8k9m0",
        "/vehicles/cus_x",
    ] {
        let reply = app
            .get(path, &app.test_key)
            .await
            .expect_error(400, "invalid_id");
        assert_eq!(reply.body["error"]["param"], "id");
        assert!(reply.message().contains("is not a"), "{}", reply.message());
    }
    app.delete("/api-keys/nope", &app.test_key)
        .await
        .expect_error(400, "invalid_id");
    app.get("/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9", &app.test_key)
        .await
        .expect_error(404, "customer_not_found");
}

#[tokio::test]
async fn bad_query_values_name_the_parameter() {
    let app = TestServer::start().await;
    for (query, param) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
    ] {
        let reply = app
            .get(&format!("/customers?{query}"), &app.test_key)
            .await
            .expect_error(400, "invalid_query");
        assert_eq!(
            reply.body["error"]["param"], param,
            "{query}: {}",
            reply.body
        );
    }
    let reply = app
        .get("/customers?limt=5", &app.test_key)
        .await
        .expect_error(400, "invalid_query");
    assert!(reply.message().contains("limt"), "{}", reply.message());
    app.get("/customers?location_id=nope", &app.test_key)
        .await
        .expect_error(400, "invalid_query");
}

#[tokio::test]
async fn unknown_routes_and_methods() {
    let app = TestServer::start().await;
    app.get("/nope", &app.test_key)
        .await
        .expect_error(404, "route_not_found");
    app.call(Method::PATCH, "/customers", Some(&app.test_key), None)
        .await
        .expect_error(405, "method_not_allowed");
}

#[tokio::test]
async fn authentication_failures_are_401s() {
    let app = TestServer::start().await;
    app.call(Method::GET, "/customers", None, None)
        .await
        .expect_error(401, "missing_api_key");
    let basic = app
        .raw(Method::GET, "/customers")
        .header("authorization", "Basic dXNlcjpwYXNz");
    TestServer::reply(basic)
        .await
        .expect_error(401, "invalid_authorization");
    app.get("/customers", "sk_test_123")
        .await
        .expect_error(401, "invalid_api_key");
    let reply = app
        .get("/customers", "vsk_test_doesnotexist1234")
        .await
        .expect_error(401, "invalid_api_key");
    assert!(
        reply.message().contains("vsk_test_…1234"),
        "the key is redacted: {}",
        reply.message()
    );
    assert!(!reply.message().contains("doesnotexist"));
}

#[tokio::test]
async fn successes_carry_a_request_id_too() {
    let app = TestServer::start().await;
    let a = app.get("/customers", &app.test_key).await.expect(200);
    let b = app.get("/customers", &app.test_key).await.expect(200);
    let id = |r: &vinsnap_testkit::Reply| r.headers["x-request-id"].to_str().unwrap().to_owned();
    assert!(id(&a).starts_with("req_"));
    assert_ne!(id(&a), id(&b));
}

/// Names written through the CLI follow the API's rule for single-line text: a line break or other
/// control character in a shop's name (its invoice emails' display name) is refused before it is stored.
#[tokio::test]
async fn the_cli_refuses_control_characters_in_names() {
    let database = vinsnap_testkit::TestDatabase::new().await;
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_vinsnap-server"))
            .args(args)
            .arg("--db")
            .arg(database.arg())
            .output()
            .unwrap()
    };
    // (A NUL cannot be passed in argv; the same rule refuses it, see core::text.)
    for name in ["Joe's\nGarage", "Joe's\u{7}", "Joe's\u{85}"] {
        let out = cli(&["shops", "create", "--name", name]);
        assert!(!out.status.success(), "{name:?} was accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("control characters"), "{stderr}");
    }
    let out = cli(&["shops", "create", "--name", "Joe's Garage"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
