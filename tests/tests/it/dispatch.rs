//! The dispatch entry point the bindings call (`Client::call`), and explicit `null`s, against
//! the real server.

use serde_json::json;
use vinsnap::prelude::*;
use vinsnap::types::UpdateCustomer;
use vinsnap::{Arguments, Error};
use vinsnap_tests::server::{SdkClients, TestServer};

#[tokio::test]
async fn call_runs_operations_by_id_and_sends_explicit_nulls() {
    let server = TestServer::start().await;
    let client = server.client(&server.test_key);

    let created = client
        .call(
            "create_customer",
            Arguments::new()
                .body(json!({"name": "Sarah Chen", "phone": "555-0142", "notes": "VIP"})),
        )
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["phone"], "555-0142");

    // Absent fields stay as they are; `null` clears.
    let updated = client
        .call(
            "update_customer",
            Arguments::new()
                .param("id", id.as_str())
                .body(json!({"phone": null})),
        )
        .await
        .unwrap();
    assert_eq!(updated["notes"], "VIP");
    // The answer is the body the server sent, its `null`s kept (not the typed value written
    // back, which would leave the field out).
    assert_eq!(updated.get("phone"), Some(&json!(null)), "{updated}");
    let text = client
        .call_json("get_customer", Arguments::new().param("id", id.as_str()))
        .await
        .unwrap();
    let sent: serde_json::Value = serde_json::from_slice(&text).unwrap();
    assert_eq!(sent, updated);
    let fetched = client.get_customer().id(id.as_str()).send().await.unwrap();
    assert_eq!(fetched.phone, None);
    assert_eq!(fetched.notes.as_deref(), Some("VIP"));

    // The same for Rust users of the typed builders.
    let request = client
        .update_customer()
        .id(id.as_str())
        .body(UpdateCustomer::builder().name(Some("Sarah Chen-Li".parse().unwrap())));
    let cleared = vinsnap::with_explicit_nulls(["notes"], request.send())
        .await
        .unwrap();
    assert_eq!(cleared.name, "Sarah Chen-Li");
    assert_eq!(cleared.notes, None);

    // Lists answer the page as JSON; API errors are the SDK's errors.
    let page = client
        .call("list_customers", Arguments::new().param("limit", 1))
        .await
        .unwrap();
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    assert_eq!(page["total"], 1);
    let missing = client
        .call(
            "get_customer",
            Arguments::new().param("id", "cus_00000000000000000000000000"),
        )
        .await
        .unwrap_err();
    assert_eq!(missing.status(), Some(404));

    // Refused before sending: nothing reaches the server.
    let refused = client
        .call(
            "create_customer",
            Arguments::new().body(json!({"name": "A", "email": 5})),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, Error::InvalidArgument { param, .. } if param == "email"),
        "{refused}"
    );
    let page = client
        .call("list_customers", Arguments::new())
        .await
        .unwrap();
    assert_eq!(page["total"], 1);
}
