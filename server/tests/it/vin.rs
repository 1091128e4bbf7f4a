use vinsnap_server::auth::{Mode, Scope};
use vinsnap_testkit::{Options, TestServer};

#[tokio::test]
async fn decodes_a_vin() {
    let app = TestServer::start().await;
    let decoded = app
        .get("/vin/1HGCM82633A004352", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(decoded["vin"], "1HGCM82633A004352");
    assert_eq!(decoded["wmi"], "1HG");
    assert_eq!(decoded["make"], "Honda");
    assert_eq!(decoded["model_year"], 2003);
    assert_eq!(decoded["check_digit_valid"], true);
    assert_eq!(decoded["plant_code"], "A");
    assert_eq!(decoded["serial_number"], "004352");
    assert_eq!(decoded["source"], "vpic");
    assert_eq!(decoded["model"], "Accord");
    assert_eq!(decoded["trim"], "EX-V6");
    assert_eq!(decoded["body_class"], "Coupe");
}

#[tokio::test]
async fn without_the_vpic_data_the_wmi_table_answers_and_says_so() {
    let app = TestServer::start_with(Options::without_vpic()).await;
    let decoded = app
        .get("/vin/1HGCM82633A004352", &app.test_key)
        .await
        .expect(200)
        .body;
    assert_eq!(decoded["source"], "wmi_table");
    assert_eq!(decoded["make"], "Honda");
    assert_eq!(decoded["manufacturer"], "Honda Motor Co., Ltd.");
    assert_eq!(decoded["model_year"], 2003);
    for field in [
        "model",
        "trim",
        "series",
        "body_class",
        "vehicle_type",
        "engine_cylinders",
        "plant_city",
    ] {
        assert_eq!(decoded[field], serde_json::Value::Null, "{field}");
    }
    app.get("/vin/1HGCM82643A004352", &app.test_key)
        .await
        .expect_error(422, "invalid_vin");
}

#[tokio::test]
async fn invalid_vins_say_why() {
    let app = TestServer::start().await;
    // The shape is the path parameter's pattern; the check digit is what no pattern can say.
    for (vin, status, code, hint) in [
        ("1HGCM82633A00435", 400, "invalid_path", "17"),
        ("1HGCM82633A0O4352", 400, "invalid_path", "O"),
        ("1HGCM82643A004352", 422, "invalid_vin", "check digit"),
    ] {
        let reply = app
            .get(&format!("/vin/{vin}"), &app.test_key)
            .await
            .expect_error(status, code);
        assert_eq!(reply.body["error"]["param"], "vin");
        assert!(reply.message().contains(hint), "{vin}: {}", reply.message());
    }
}

#[tokio::test]
async fn decoding_needs_the_vin_scope() {
    let app = TestServer::start().await;
    let key = app.key(Mode::Test, &[Scope::CustomersRead], None).await;
    app.get("/vin/1HGCM82633A004352", &key)
        .await
        .expect_error(403, "missing_scope");
}
