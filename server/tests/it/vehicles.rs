use serde_json::json;

use vinsnap_testkit::TestServer;

#[tokio::test]
async fn a_vin_is_decoded_into_year_and_make_unless_told_not_to() {
    let app = TestServer::start().await;
    let customer = app.customer("Sarah Chen").await;
    let path = format!("/customers/{}/vehicles", customer["id"].as_str().unwrap());

    let decoded = app
        .post(&path, &app.test_key, json!({ "vin": "1hgcm82633a004352" }))
        .await
        .expect(201)
        .body;
    assert!(decoded["id"].as_str().unwrap().starts_with("veh_"));
    assert_eq!(decoded["customer_id"], customer["id"]);
    assert_eq!(decoded["vin"], "1HGCM82633A004352", "VINs are upper-cased");
    assert_eq!(decoded["year"], 2003);
    assert_eq!(decoded["make"], "Honda");

    let explicit = app
        .post(
            &path,
            &app.test_key,
            json!({ "vin": "1HGCM82633A004352", "make": "Acura", "model": "TL" }),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(
        explicit["make"], "Acura",
        "fields the request names win over decoded ones"
    );
    assert_eq!(explicit["model"], "TL");
    assert_eq!(explicit["year"], 2003);

    let raw = app
        .post(
            &path,
            &app.test_key,
            json!({ "vin": "4d47c123456", "auto_decode": false, "year": 1974 }),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(
        raw["vin"], "4D47C123456",
        "a pre-1981 VIN is stored as given"
    );
    assert_eq!(raw["make"], json!(null));
    assert_eq!(raw["year"], 1974);

    let skipped = app
        .post(
            &path,
            &app.test_key,
            json!({ "vin": "1HGCM82633A004352", "auto_decode": false }),
        )
        .await
        .expect(201)
        .body;
    assert_eq!(
        skipped["year"],
        json!(null),
        "auto_decode: false skips decoding"
    );

    let list = app.get(&path, &app.test_key).await.expect(200).body;
    assert_eq!(list["total"], 4);
    assert_eq!(list["data"][0]["id"], skipped["id"], "newest first");
}

#[tokio::test]
async fn invalid_vins_and_fields_are_400s_naming_the_field() {
    let app = TestServer::start().await;
    let customer = app.customer("Sarah Chen").await;
    let path = format!("/customers/{}/vehicles", customer["id"].as_str().unwrap());
    for (vin, status) in [
        ("1HGCM82633A00435", 400),
        ("1HGCM82633A0043521", 400),
        ("1HGCM82O33A004352", 400),
        (" 1HGCM82633A004352", 400),
        // The right shape, a wrong check digit: what no pattern can say is a 422.
        ("1HGCM82643A004352", 422),
    ] {
        let reply = app
            .post(&path, &app.test_key, json!({ "vin": vin }))
            .await
            .expect_error(status, "invalid_vin");
        assert_eq!(reply.body["error"]["param"], "vin");
    }
    let reply = app
        .post(
            &path,
            &app.test_key,
            json!({ "vin": "ABC-123", "auto_decode": false }),
        )
        .await;
    reply.expect_error(400, "invalid_vin");
    for (body, field) in [
        (json!({ "year": 1700 }), "year"),
        (json!({ "mileage": -5 }), "mileage"),
        (json!({ "license_plate": "X".repeat(21) }), "license_plate"),
        (json!({ "year": "2003" }), "year"),
    ] {
        let reply = app
            .post(&path, &app.test_key, body)
            .await
            .expect_error(400, "invalid_request");
        assert_eq!(reply.body["error"]["param"], field);
    }
    let unknown = app
        .post(
            &path,
            &app.test_key,
            json!({ "vin": "1HGCM82633A004352", "colour": "red" }),
        )
        .await;
    let unknown = unknown.expect_error(400, "invalid_request");
    assert!(
        unknown.message().contains("unknown field `colour`"),
        "{}",
        unknown.message()
    );
}

#[tokio::test]
async fn get_update_and_delete_a_vehicle() {
    let app = TestServer::start().await;
    let customer = app.customer("Sarah Chen").await;
    let vehicle = app
        .post(
            &format!("/customers/{}/vehicles", customer["id"].as_str().unwrap()),
            &app.test_key,
            json!({ "make": "Honda", "model": "Accord", "license_plate": "7ABC123", "mileage": 1000 }),
        )
        .await
        .expect(201)
        .body;
    let path = format!("/vehicles/{}", vehicle["id"].as_str().unwrap());
    assert_eq!(
        app.get(&path, &app.test_key).await.expect(200).body,
        vehicle
    );

    let updated = app
        .put(
            &path,
            &app.test_key,
            json!({ "mileage": 2500, "color": "Blue" }),
        )
        .await
        .expect(200)
        .body;
    assert_eq!(updated["mileage"], 2500);
    assert_eq!(updated["color"], "Blue");
    assert_eq!(updated["model"], "Accord", "fields not sent are unchanged");

    let cleared = app
        .put(&path, &app.test_key, json!({ "license_plate": null }))
        .await
        .expect(200)
        .body;
    assert_eq!(cleared["license_plate"], json!(null));

    let revinned = app
        .put(&path, &app.test_key, json!({ "vin": "1HGCM82633A004352" }))
        .await
        .expect(200)
        .body;
    assert_eq!(revinned["year"], 2003, "a new VIN is decoded");
    assert_eq!(
        revinned["model"], "Accord",
        "decoding fills only what it knows"
    );

    app.put(&path, &app.test_key, json!({ "vin": "NOT A VIN" }))
        .await
        .expect_error(400, "invalid_vin");
    app.delete(&path, &app.test_key).await.expect(200);
    app.get(&path, &app.test_key)
        .await
        .expect_error(404, "vehicle_not_found");
}

#[tokio::test]
async fn a_missing_customer_is_a_404_for_its_vehicles() {
    let app = TestServer::start().await;
    let path = "/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9/vehicles";
    app.post(path, &app.test_key, json!({ "make": "Honda" }))
        .await
        .expect_error(404, "customer_not_found");
    app.get(path, &app.test_key)
        .await
        .expect_error(404, "customer_not_found");
}
