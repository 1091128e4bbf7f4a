use vinsnap_server::auth::{Mode, Scope};
use vinsnap_testkit::TestServer;

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
}

#[tokio::test]
async fn invalid_vins_say_why() {
    let app = TestServer::start().await;
    for (vin, hint) in [
        ("1HGCM82633A00435", "17"),
        ("1HGCM82633A0O4352", "O"),
        ("1HGCM82643A004352", "check digit"),
    ] {
        let reply = app
            .get(&format!("/vin/{vin}"), &app.test_key)
            .await
            .expect_error(400, "invalid_vin");
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
