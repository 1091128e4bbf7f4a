//! Key modes, shops and locations never see each other's data; scopes gate every endpoint.

use serde_json::json;
use vinsnap_server::auth::{Mode, Scope};

use vinsnap_testkit::TestServer;

#[tokio::test]
async fn a_test_key_never_sees_live_data() {
    let app = TestServer::start().await;
    let live = app
        .post(
            "/customers",
            &app.live_key,
            json!({ "name": "Live Customer" }),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(live["livemode"], true);
    let test = app.customer("Test Customer").await;
    let live_path = format!("/customers/{}", live["id"].as_str().unwrap());

    let test_list = app.get("/customers", &app.test_key).await.expect(200).body;
    assert_eq!(test_list["total"], 1);
    assert_eq!(test_list["data"][0]["id"], test["id"]);
    app.get(&live_path, &app.test_key)
        .await
        .expect_error(404, "customer_not_found");
    app.put(&live_path, &app.test_key, json!({ "name": "x" }))
        .await
        .expect_error(404, "customer_not_found");
    app.delete(&live_path, &app.test_key)
        .await
        .expect_error(404, "customer_not_found");
    app.post(&format!("{live_path}/vehicles"), &app.test_key, json!({}))
        .await
        .expect_error(404, "customer_not_found");

    let live_list = app.get("/customers", &app.live_key).await.expect(200).body;
    assert_eq!(live_list["total"], 1);
    assert_eq!(live_list["data"][0]["id"], live["id"]);
}

#[tokio::test]
async fn another_shops_resources_are_404_not_403() {
    let app = TestServer::start().await;
    let rival = app.other_shop_key().await;
    let customer = app.customer("Sarah Chen").await;
    let id = customer["id"].as_str().unwrap();
    let vehicle = app
        .post(
            &format!("/customers/{id}/vehicles"),
            &app.test_key,
            json!({ "make": "Honda" }),
        )
        .await
        .expect(201)
        .body;
    app.get(&format!("/customers/{id}"), &rival)
        .await
        .expect_error(404, "customer_not_found");
    app.delete(&format!("/customers/{id}"), &rival)
        .await
        .expect_error(404, "customer_not_found");
    app.get(&format!("/customers/{id}/vehicles"), &rival)
        .await
        .expect_error(404, "customer_not_found");
    let vehicle_path = format!("/vehicles/{}", vehicle["id"].as_str().unwrap());
    app.get(&vehicle_path, &rival)
        .await
        .expect_error(404, "vehicle_not_found");
    app.put(&vehicle_path, &rival, json!({ "mileage": 1 }))
        .await
        .expect_error(404, "vehicle_not_found");
    assert_eq!(
        app.get("/customers", &rival).await.expect(200).body["total"],
        0
    );
    // The rival cannot put a customer into this shop's location either.
    let body = json!({ "name": "Sneaky", "location_id": app.locations[0].as_str() });
    app.post("/customers", &rival, body)
        .await
        .expect_error(404, "location_not_found");
    app.get(&format!("/customers/{id}"), &app.test_key)
        .await
        .expect(200);
}

#[tokio::test]
async fn every_endpoint_checks_its_scope() {
    let app = TestServer::start().await;
    let customer = app.customer("Sarah Chen").await;
    let cus = customer["id"].as_str().unwrap();
    let vehicle = app
        .post(
            &format!("/customers/{cus}/vehicles"),
            &app.test_key,
            json!({}),
        )
        .await
        .expect(201)
        .body;
    let veh = vehicle["id"].as_str().unwrap();
    let nobody = app.key(Mode::Test, &[Scope::LocationsRead], None).await;
    let readonly = app
        .key(
            Mode::Test,
            &[Scope::CustomersRead, Scope::VehiclesRead],
            None,
        )
        .await;
    for (method, path, body) in [
        ("GET", "/customers".to_owned(), None),
        (
            "POST",
            "/customers".to_owned(),
            Some(json!({ "name": "A" })),
        ),
        ("GET", format!("/customers/{cus}"), None),
        ("PUT", format!("/customers/{cus}"), Some(json!({}))),
        ("DELETE", format!("/customers/{cus}"), None),
        (
            "POST",
            format!("/customers/{cus}/vehicles"),
            Some(json!({})),
        ),
        ("GET", format!("/customers/{cus}/vehicles"), None),
        ("GET", format!("/vehicles/{veh}"), None),
        ("PUT", format!("/vehicles/{veh}"), Some(json!({}))),
        ("DELETE", format!("/vehicles/{veh}"), None),
        ("GET", "/vin/1HGCM82633A004352".to_owned(), None),
        ("GET", "/api-keys".to_owned(), None),
        ("POST", "/api-keys".to_owned(), Some(json!({}))),
        (
            "DELETE",
            "/api-keys/key_01jd3q8y7zk2m4n6p8r0t2v4x8".to_owned(),
            None,
        ),
    ] {
        let method: reqwest::Method = method.parse().unwrap();
        let reply = app
            .call(method.clone(), &path, Some(&nobody), body.clone())
            .await;
        assert_eq!(
            reply.error_code(),
            "missing_scope",
            "{method} {path}: {}",
            reply.body
        );
        assert_eq!(reply.status, 403);
        let readonly_reply = app.call(method.clone(), &path, Some(&readonly), body).await;
        let reads = method == reqwest::Method::GET
            && (path.starts_with("/customers") || path.starts_with("/vehicles"));
        assert_eq!(
            readonly_reply.status.is_success(),
            reads,
            "{method} {path}: {}",
            readonly_reply.body
        );
    }
    let no_locations = app.key(Mode::Test, &[Scope::CustomersRead], None).await;
    app.get("/locations", &no_locations)
        .await
        .expect_error(403, "missing_scope");
}

#[tokio::test]
async fn a_location_limited_key_sees_and_writes_only_its_location() {
    let app = TestServer::start().await;
    let (north, south) = (&app.locations[0], &app.locations[1]);
    let north_key = app.key(Mode::Test, Scope::ALL, Some(north)).await;
    let at_south = app
        .post(
            "/customers",
            &app.test_key,
            json!({ "name": "South Customer", "location_id": south.as_str() }),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(at_south["location_id"], south.as_str());
    let south_path = format!("/customers/{}", at_south["id"].as_str().unwrap());
    let south_vehicle = app
        .post(&format!("{south_path}/vehicles"), &app.test_key, json!({}))
        .await
        .expect(201)
        .body;

    let mine = app
        .post(
            "/customers",
            &north_key,
            json!({ "name": "North Customer" }),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(
        mine["location_id"],
        north.as_str(),
        "defaults to the key's location"
    );
    let moved = json!({ "name": "Elsewhere", "location_id": south.as_str() });
    app.post("/customers", &north_key, moved)
        .await
        .expect_error(403, "location_forbidden");
    let mine_path = format!("/customers/{}", mine["id"].as_str().unwrap());
    app.put(
        &mine_path,
        &north_key,
        json!({ "location_id": south.as_str() }),
    )
    .await
    .expect_error(403, "location_forbidden");

    let list = app.get("/customers", &north_key).await.expect(200).body;
    assert_eq!(list["total"], 1);
    assert_eq!(list["data"][0]["id"], mine["id"]);
    app.get(&south_path, &north_key)
        .await
        .expect_error(404, "customer_not_found");
    let vehicle_path = format!("/vehicles/{}", south_vehicle["id"].as_str().unwrap());
    app.get(&vehicle_path, &north_key)
        .await
        .expect_error(404, "vehicle_not_found");

    let locations = app.get("/locations", &north_key).await.expect(200).body;
    assert_eq!(locations["total"], 1);
    assert_eq!(locations["data"][0]["id"], north.as_str());
    assert_eq!(
        app.get("/locations", &app.test_key).await.expect(200).body["total"],
        2
    );
    // An unrestricted key filters by location on request.
    let south_only = app
        .get(&format!("/customers?location_id={south}"), &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(south_only["total"], 1);
}
