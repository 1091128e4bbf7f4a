use reqwest::Method;
use serde_json::json;

use vinsnap_testkit::TestServer;

#[tokio::test]
async fn the_seed_curl_example_works_as_written() {
    let app = TestServer::start().await;
    let request = app
        .raw(Method::POST, "/customers")
        .header("Authorization", format!("Bearer {}", app.test_key))
        .header("Content-Type", "application/json")
        .body(
            r#"{
"name": "Sarah Chen",
"phone": "555-0142",
"email": "s.chen@email.com"
}"#,
        );
    let reply = TestServer::reply(request).await.expect(201);
    let customer = reply.body;
    assert!(customer["id"].as_str().unwrap().starts_with("cus_"));
    assert_eq!(customer["name"], "Sarah Chen");
    assert_eq!(customer["phone"], "555-0142");
    assert_eq!(customer["email"], "s.chen@email.com");
    assert_eq!(customer["livemode"], false);
    assert_eq!(customer["location_id"], app.locations[0].as_str());
    let fetched = app
        .get(
            &format!("/customers/{}", customer["id"].as_str().unwrap()),
            &app.test_key,
        )
        .await;
    assert_eq!(fetched.expect(200).body, customer);
}

#[tokio::test]
async fn list_pages_and_searches_name_email_and_phone_digits() {
    let app = TestServer::start().await;
    for (name, email, phone) in [
        ("Sarah Chen", "s.chen@email.com", "555-0142"),
        ("Marcus Webb", "marcus@webb.io", "(555) 0199"),
        ("Ana Lima", "ana@lima.br", "+55 11 5555-0101"),
    ] {
        app.post(
            "/customers",
            &app.test_key,
            json!({ "name": name, "email": email, "phone": phone }),
        )
        .await
        .expect(201);
    }
    let page = app
        .get("/customers?limit=2", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(page["total"], 3);
    assert_eq!(page["has_more"], true);
    assert_eq!(page["data"].as_array().unwrap().len(), 2);
    assert_eq!(page["data"][0]["name"], "Ana Lima", "newest first");
    let rest = app
        .get("/customers?limit=2&offset=2", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(rest["has_more"], false);
    assert_eq!(rest["data"][0]["name"], "Sarah Chen");

    let names = |reply: vinsnap_testkit::Reply| -> Vec<String> {
        reply.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(
            app.get("/customers?q=chen", &app.test_key)
                .await
                .expect(200)
        ),
        ["Sarah Chen"]
    );
    assert_eq!(
        names(
            app.get("/customers?q=WEBB.IO", &app.test_key)
                .await
                .expect(200)
        ),
        ["Marcus Webb"]
    );
    assert_eq!(
        names(
            app.get("/customers?q=5550199", &app.test_key)
                .await
                .expect(200)
        ),
        ["Marcus Webb"]
    );
    assert_eq!(
        names(
            app.get("/customers?q=555-0142", &app.test_key)
                .await
                .expect(200)
        ),
        ["Sarah Chen"]
    );
    // LIKE wildcards are literal.
    assert!(names(app.get("/customers?q=%25", &app.test_key).await.expect(200)).is_empty());
}

/// A page leaves the database as one JSON array (`db::Listing`): its rows keep the list's order
/// and every field's value, and pages read in turn are the whole list once.
#[tokio::test]
async fn full_pages_hold_every_row_in_order_and_in_full() {
    let app = TestServer::start().await;
    let mut created = Vec::new();
    for i in 0..60 {
        let body = json!({
            "name": format!("Customer \"{i:02}\" \\ é"),
            "email": if i % 2 == 0 { json!(format!("c{i}@example.com")) } else { json!(null) },
            "notes": format!("line one\nline two {i}"),
        });
        created.push(
            app.post("/customers", &app.test_key, body)
                .await
                .expect(201)
                .body,
        );
    }
    created.reverse();
    let mut listed = Vec::new();
    for offset in [0, 25, 50] {
        let page = app
            .get(
                &format!("/customers?limit=25&offset={offset}"),
                &app.test_key,
            )
            .await
            .expect(200)
            .body;
        assert_eq!(page["total"], 60);
        assert_eq!(page["has_more"], offset + 25 < 60);
        listed.extend(page["data"].as_array().unwrap().iter().cloned());
    }
    assert_eq!(listed, created, "newest first, each as it was created");
    let past = app
        .get("/customers?limit=25&offset=60", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(past, json!({ "data": [], "has_more": false, "total": 60 }));
}

#[tokio::test]
async fn put_is_a_partial_update_and_null_or_empty_clears() {
    let app = TestServer::start().await;
    let created = app
        .post(
            "/customers",
            &app.test_key,
            json!({ "name": "Sarah Chen", "email": "s.chen@email.com", "phone": "555-0142" }),
        )
        .await
        .expect(201)
        .body;
    let path = format!("/customers/{}", created["id"].as_str().unwrap());
    app.clock.advance(chrono::Duration::seconds(1));
    let updated = app
        .put(&path, &app.test_key, json!({ "notes": "Prefers texts" }))
        .await
        .expect(200)
        .body;
    assert_eq!(updated["notes"], "Prefers texts");
    assert_eq!(
        updated["email"], "s.chen@email.com",
        "fields not sent are unchanged"
    );
    assert_eq!(updated["name"], "Sarah Chen");
    assert_ne!(updated["updated_at"], created["updated_at"]);

    let cleared = app
        .put(&path, &app.test_key, json!({ "email": null, "phone": "" }))
        .await
        .expect(200)
        .body;
    assert_eq!(cleared["email"], json!(null));
    assert_eq!(cleared["phone"], json!(null));
    assert_eq!(cleared["notes"], "Prefers texts");
    assert_eq!(
        app.get(&path, &app.test_key).await.expect(200).body,
        cleared
    );
}

#[tokio::test]
async fn invalid_fields_are_named() {
    let app = TestServer::start().await;
    let cases = [
        (json!({ "name": "  " }), "name"),
        (json!({ "name": "A", "email": "not-an-email" }), "email"),
        (json!({ "name": "A", "phone": "call me maybe" }), "phone"),
        (json!({ "name": "x".repeat(201) }), "name"),
        (json!({ "name": 42 }), "name"),
    ];
    for (body, field) in cases {
        let reply = app
            .post("/customers", &app.test_key, body.clone())
            .await
            .expect_error(400, "invalid_request");
        assert_eq!(
            reply.body["error"]["param"], field,
            "{body}: {}",
            reply.body
        );
        assert!(reply.message().contains(field), "{}", reply.message());
    }
    // Control characters have no place in a single-line field: refused where they are written,
    // so the mail and PDF builders never meet them.
    for (body, field) in [
        (json!({ "name": "Sarah\nChen" }), "name"),
        (json!({ "name": "Sarah\u{0}" }), "name"),
        (
            json!({ "name": "A", "email": "s.chen@email.com\u{0}" }),
            "email",
        ),
        (json!({ "name": "A", "notes": "ring \u{7} twice" }), "notes"),
    ] {
        let reply = app
            .post("/customers", &app.test_key, body.clone())
            .await
            .expect_error(400, "invalid_request");
        assert_eq!(reply.body["error"]["param"], field, "{body}");
    }
    let notes = json!({ "name": "A", "notes": "line one\nline two" });
    app.post("/customers", &app.test_key, notes)
        .await
        .expect(201);
    let nowhere = json!({ "name": "A", "location_id": "loc_01jd3q8y7zk2m4n6p8r0t2v4x7" });
    let reply = app
        .post("/customers", &app.test_key, nowhere)
        .await
        .expect_error(404, "location_not_found");
    assert_eq!(reply.body["error"]["param"], "location_id");
    let missing = app
        .post("/customers", &app.test_key, json!({ "email": "a@b.co" }))
        .await;
    let missing = missing.expect_error(400, "invalid_request");
    assert!(
        missing.message().contains("missing field `name`"),
        "{}",
        missing.message()
    );
    let path = format!(
        "/customers/{}",
        app.customer("Bo").await["id"].as_str().unwrap()
    );
    app.put(&path, &app.test_key, json!({ "name": "" }))
        .await
        .expect_error(400, "invalid_request");
}

#[tokio::test]
async fn delete_removes_the_customer_and_their_vehicles() {
    let app = TestServer::start().await;
    let id = app.customer("Sarah Chen").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let vehicle = app
        .post(
            &format!("/customers/{id}/vehicles"),
            &app.test_key,
            json!({ "make": "Honda" }),
        )
        .await
        .expect(201)
        .body;
    let deleted = app
        .delete(&format!("/customers/{id}"), &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(deleted, json!({ "id": id, "deleted": true }));
    app.get(&format!("/customers/{id}"), &app.test_key)
        .await
        .expect_error(404, "customer_not_found");
    app.delete(&format!("/customers/{id}"), &app.test_key)
        .await
        .expect_error(404, "customer_not_found");
    let vehicle_path = format!("/vehicles/{}", vehicle["id"].as_str().unwrap());
    app.get(&vehicle_path, &app.test_key)
        .await
        .expect_error(404, "vehicle_not_found");
}
