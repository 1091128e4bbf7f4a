// Runs the Rust webhook verification sample (module `verify_sample`, beside this one in the
// generated samples file) against the shared vectors named by VINSNAP_VECTORS.
pub fn run() -> Result<(), String> {
    let path = std::env::var("VINSNAP_VECTORS").map_err(|_| "set VINSNAP_VECTORS".to_string())?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let vectors: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let (mut passed, mut failed) = (0, 0);
    for v in vectors["verification"].as_array().ok_or("no vectors")? {
        let mut headers = http::HeaderMap::new();
        for (name, value) in v["headers"].as_object().ok_or("headers")? {
            let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|e| e.to_string())?;
            let value = http::HeaderValue::from_str(value.as_str().ok_or("header value")?)
                .map_err(|e| e.to_string())?;
            headers.insert(name, value);
        }
        let body = v["body"].as_str().ok_or("body")?.as_bytes();
        let secret = v["secret"].as_str().ok_or("secret")?;
        let now = v["now"].as_i64().ok_or("now")?;
        let expect = &v["expect"];
        let (ok, got) = match super::verify_sample::verify(body, &headers, secret, now) {
            Ok(event) => (
                expect["valid"] == true && expect["event_type"] == event.event_type(),
                format!("valid {}", event.event_type()),
            ),
            Err(e) => (
                expect["valid"] == false && expect["error"] == e.kind(),
                format!("error {}", e.kind()),
            ),
        };
        if ok {
            passed += 1;
        } else {
            failed += 1;
            println!("FAIL {}: expected {expect}, got {got}", v["name"]);
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        return Err(format!("{failed} vectors failed"));
    }
    Ok(())
}
