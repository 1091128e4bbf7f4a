//! Every operation of the spec, and every error it documents, called through the SDK against
//! the real server.
//!
//! The SDK's `vinsnap.request` spans are recorded, and the last check compares what was
//! observed with the spec: every `operationId` was called, and answered each status the spec
//! documents for it. A new endpoint (or a newly documented error) without a test here fails
//! that check, naming what is missing.

use std::collections::{BTreeMap, BTreeSet};

use futures::future::BoxFuture;
use vinsnap::prelude::*;
use vinsnap::types::{
    CreateApiKey, CreateCustomer, CreateVehicle, Scope, UpdateCustomer, UpdateVehicle,
};
use vinsnap::{Client, Error};
use vinsnap_tests::recorder::{Call, Recorder};
use vinsnap_tests::server::TestServer;

const VIN: &str = "1HGCM82633A004352";

/// What the operations are called with; each pass of the test fills it differently.
#[derive(Debug, Clone)]
struct Args {
    customer: String,
    vehicle: String,
    api_key: String,
    vin: String,
    customer_name: String,
    key_name: String,
    /// Free text in every request body that has room for it (notes, colour).
    notes: Option<String>,
    limit: u32,
}

type Operation = for<'a> fn(&'a Client, &'a Args) -> BoxFuture<'a, Result<(), Error>>;

/// Every operation, called with `Args`; deletes last so a pass can use the others first.
fn operations() -> Vec<(&'static str, Operation)> {
    vec![
        ("list_api_keys", |c, a| {
            Box::pin(async move {
                c.list_api_keys().limit(a.limit).send().await?;
                Ok(())
            })
        }),
        ("create_api_key", |c, a| {
            Box::pin(async move {
                c.create_api_key()
                    .body(
                        CreateApiKey::builder()
                            .name(Some(a.key_name.clone()))
                            .scopes(Some(vec![Scope::CustomersRead])),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("list_customers", |c, a| {
            Box::pin(async move {
                c.list_customers().limit(a.limit).send().await?;
                Ok(())
            })
        }),
        ("create_customer", |c, a| {
            Box::pin(async move {
                c.create_customer()
                    .body(
                        CreateCustomer::builder()
                            .name(a.customer_name.clone())
                            .notes(a.notes.clone()),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("get_customer", |c, a| {
            Box::pin(async move {
                c.get_customer().id(a.customer.as_str()).send().await?;
                Ok(())
            })
        }),
        ("update_customer", |c, a| {
            Box::pin(async move {
                c.update_customer()
                    .id(a.customer.as_str())
                    .body(
                        UpdateCustomer::builder()
                            .name(Some(a.customer_name.clone()))
                            .notes(a.notes.clone()),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("list_vehicles", |c, a| {
            Box::pin(async move {
                c.list_vehicles()
                    .id(a.customer.as_str())
                    .limit(a.limit)
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("create_vehicle", |c, a| {
            Box::pin(async move {
                c.create_vehicle()
                    .id(a.customer.as_str())
                    .body(
                        CreateVehicle::builder()
                            .vin(Some(a.vin.clone()))
                            .color(a.notes.clone()),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("list_locations", |c, a| {
            Box::pin(async move {
                c.list_locations().limit(a.limit).send().await?;
                Ok(())
            })
        }),
        ("get_vehicle", |c, a| {
            Box::pin(async move {
                c.get_vehicle().id(a.vehicle.as_str()).send().await?;
                Ok(())
            })
        }),
        ("update_vehicle", |c, a| {
            Box::pin(async move {
                c.update_vehicle()
                    .id(a.vehicle.as_str())
                    .body(
                        UpdateVehicle::builder()
                            .vin(Some(a.vin.clone()))
                            .color(a.notes.clone()),
                    )
                    .send()
                    .await?;
                Ok(())
            })
        }),
        ("decode_vin", |c, a| {
            Box::pin(async move {
                c.decode_vin().vin(a.vin.clone()).send().await?;
                Ok(())
            })
        }),
        ("delete_api_key", |c, a| {
            Box::pin(async move {
                c.delete_api_key().id(a.api_key.as_str()).send().await?;
                Ok(())
            })
        }),
        ("delete_vehicle", |c, a| {
            Box::pin(async move {
                c.delete_vehicle().id(a.vehicle.as_str()).send().await?;
                Ok(())
            })
        }),
        ("delete_customer", |c, a| {
            Box::pin(async move {
                c.delete_customer().id(a.customer.as_str()).send().await?;
                Ok(())
            })
        }),
    ]
}

/// A customer with a vehicle and a spare API key, all of the shop `client`'s key belongs to.
async fn fixture(client: &Client) -> Args {
    let customer = client
        .create_customer()
        .body(CreateCustomer::builder().name("Fixture Customer"))
        .send()
        .await
        .expect("customer");
    let vehicle = client
        .create_vehicle()
        .id(customer.id.clone())
        .body(CreateVehicle::builder().vin(Some(VIN.to_string())))
        .send()
        .await
        .expect("vehicle");
    let key = client
        .create_api_key()
        .body(CreateApiKey::builder().name(Some("spare".to_string())))
        .send()
        .await
        .expect("api key");
    Args {
        customer: customer.id.to_string(),
        vehicle: vehicle.id.to_string(),
        api_key: key.id.to_string(),
        vin: VIN.to_string(),
        customer_name: "Sarah Chen".to_string(),
        key_name: "ci".to_string(),
        notes: None,
        limit: 10,
    }
}

/// Runs every operation with `args`, handing each result to `check`.
async fn each_operation(
    client: &Client,
    args: &Args,
    mut check: impl FnMut(&'static str, Result<(), Error>),
) {
    for (name, call) in operations() {
        check(name, call(client, args).await);
    }
}

/// An API error as the server documents it: the envelope's fields all present.
#[track_caller]
fn api_error(name: &str, result: Result<(), Error>) -> vinsnap::ApiError {
    let error = match result {
        Err(Error::Api(error)) => error,
        other => panic!("{name}: expected an API error, got {other:?}"),
    };
    assert!(error.code.is_some(), "{name}: {error:?}");
    assert!(!error.message.is_empty(), "{name}: {error:?}");
    assert!(
        error
            .request_id
            .as_deref()
            .is_some_and(|id| id.starts_with("req_")),
        "{name}: {error:?}"
    );
    error
}

#[tokio::test]
async fn every_operation_and_every_documented_error_through_the_sdk() {
    let (recorder, _guard) = Recorder::install();
    let server = TestServer::start().await;
    let client = server.client(&server.test_key);

    happy_path(&server, &client).await;

    // 401: a key the server does not know.
    let stranger = server.client("vsk_test_0000000000000000000000000000");
    let args = fixture(&client).await;
    each_operation(&stranger, &args, |name, result| {
        let error = api_error(name, result);
        assert_eq!(
            (error.status.as_u16(), error.code.as_deref()),
            (401, Some("invalid_api_key")),
            "{name}"
        );
    })
    .await;

    // 403: a valid key without any scope.
    let powerless = server.client(&server.key(&[]).await);
    each_operation(&powerless, &args, |name, result| {
        let error = api_error(name, result);
        assert_eq!(
            (error.status.as_u16(), error.code.as_deref()),
            (403, Some("missing_scope")),
            "{name}"
        );
    })
    .await;

    // 404: well-formed ids of another shop's resources.
    let rival = server.client(&server.other_shop_key().await);
    let theirs = fixture(&rival).await;
    let args_404 = Args {
        customer: theirs.customer,
        vehicle: theirs.vehicle,
        api_key: theirs.api_key,
        ..fixture(&client).await
    };
    each_operation(&client, &args_404, |name, result| {
        if let Err(e) = result {
            let error = api_error(name, Err(e));
            assert_eq!(error.status.as_u16(), 404, "{name}: {error:?}");
            assert!(
                error
                    .code
                    .as_deref()
                    .is_some_and(|c| c.ends_with("_not_found")),
                "{name}: {error:?}"
            );
        }
    })
    .await;

    // 400: ids that exist, everything else invalid.
    let args_400 = Args {
        vin: "123".to_string(),
        customer_name: String::new(),
        key_name: "k".repeat(101),
        limit: 101,
        ..fixture(&client).await
    };
    each_operation(&client, &args_400, |name, result| {
        if let Err(e) = result {
            let error = api_error(name, Err(e));
            assert_eq!(error.status.as_u16(), 400, "{name}: {error:?}");
        }
    })
    .await;

    // 400 that never reaches the server: the SDK checks ids against the spec's patterns.
    let args_malformed = Args {
        customer: "cus_NOPE".to_string(),
        vehicle: "veh_NOPE".to_string(),
        api_key: "key_NOPE".to_string(),
        ..fixture(&client).await
    };
    let before = recorder.calls().len();
    let mut refused = BTreeSet::new();
    each_operation(&client, &args_malformed, |name, result| match result {
        Err(Error::InvalidRequest(message)) => {
            refused.insert(name);
            assert!(message.contains("id"), "{name}: {message}");
        }
        Err(other) => panic!("{name}: {other:?}"),
        Ok(()) => {}
    })
    .await;
    let sent: BTreeSet<String> = recorder.calls()[before..]
        .iter()
        .map(|c| c.operation_id.clone())
        .collect();
    assert!(
        refused.iter().all(|name| !sent.contains(*name)),
        "refused calls were not sent"
    );

    // 413: bodies over the server's 1 MiB limit.
    let big = "x".repeat(1_100_000);
    let args_413 = Args {
        notes: Some(big.clone()),
        key_name: big,
        ..fixture(&client).await
    };
    each_operation(&client, &args_413, |name, result| {
        if let Err(e) = result {
            let error = api_error(name, Err(e));
            assert_eq!(
                (error.status.as_u16(), error.code.as_deref()),
                (413, Some("payload_too_large")),
                "{name}"
            );
        }
    })
    .await;

    coverage_matches_the_spec(&recorder.calls(), &refused);
}

/// Every operation once, successfully, checking what comes back.
async fn happy_path(server: &TestServer, client: &Client) {
    let customer = client
        .create_customer()
        .body(
            CreateCustomer::builder()
                .name("Sarah Chen")
                .phone(Some("555-0142".to_string()))
                .email(Some("s.chen@email.com".to_string())),
        )
        .send()
        .await
        .expect("create_customer");
    assert_eq!(customer.status(), 201);
    assert!(customer.id.starts_with("cus_"));
    assert!(!customer.livemode);

    let fetched = client
        .get_customer()
        .id(customer.id.clone())
        .send()
        .await
        .expect("get_customer");
    assert_eq!(fetched.name, "Sarah Chen");

    let updated = client
        .update_customer()
        .id(customer.id.clone())
        .body(UpdateCustomer::builder().notes(Some("prefers mornings".to_string())))
        .send()
        .await
        .expect("update_customer");
    assert_eq!(updated.notes.as_deref(), Some("prefers mornings"));
    assert_eq!(
        updated.name, "Sarah Chen",
        "fields left out stay as they were"
    );

    let found = client
        .list_customers()
        .q("chen")
        .send()
        .await
        .expect("list_customers");
    assert_eq!(
        found.data.iter().map(|c| &c.id).collect::<Vec<_>>(),
        vec![&customer.id]
    );

    let vehicle = client
        .create_vehicle()
        .id(customer.id.clone())
        .body(CreateVehicle::builder().vin(Some(VIN.to_string())))
        .send()
        .await
        .expect("create_vehicle");
    assert_eq!(vehicle.make.as_deref(), Some("Honda"), "the VIN is decoded");
    assert_eq!(vehicle.customer_id, customer.id);

    let vehicles = client
        .list_vehicles()
        .id(customer.id.clone())
        .send()
        .await
        .expect("list_vehicles");
    assert_eq!(vehicles.total, 1);

    let got = client
        .get_vehicle()
        .id(vehicle.id.clone())
        .send()
        .await
        .expect("get_vehicle");
    assert_eq!(got.vin.as_deref(), Some(VIN));

    let moved = client
        .update_vehicle()
        .id(vehicle.id.clone())
        .body(UpdateVehicle::builder().mileage(Some(151_002)))
        .send()
        .await
        .expect("update_vehicle");
    assert_eq!(moved.mileage, Some(151_002));

    let decoded = client
        .decode_vin()
        .vin(VIN)
        .send()
        .await
        .expect("decode_vin");
    assert_eq!(decoded.make.as_deref(), Some("Honda"));

    let locations = client
        .list_locations()
        .send()
        .await
        .expect("list_locations");
    assert_eq!(locations.data.len(), server.locations.len());

    let key = client
        .create_api_key()
        .body(
            CreateApiKey::builder()
                .name(Some("front desk".to_string()))
                .scopes(Some(vec![Scope::CustomersRead])),
        )
        .send()
        .await
        .expect("create_api_key");
    assert!(
        key.secret.starts_with("vsk_test_"),
        "a test key mints test keys"
    );
    let keys = client.list_api_keys().send().await.expect("list_api_keys");
    assert!(keys.data.iter().any(|k| k.id == key.id));

    // The minted key works, with only the scope it was given.
    let narrow = server.client(&key.secret);
    narrow
        .get_customer()
        .id(customer.id.clone())
        .send()
        .await
        .expect("customers:read");
    let denied = Error::from(narrow.list_locations().send().await.unwrap_err());
    assert_eq!(denied.status(), Some(403));

    client
        .delete_api_key()
        .id(key.id.clone())
        .send()
        .await
        .expect("delete_api_key");
    client
        .delete_vehicle()
        .id(vehicle.id.clone())
        .send()
        .await
        .expect("delete_vehicle");
    client
        .delete_customer()
        .id(customer.id.clone())
        .send()
        .await
        .expect("delete_customer");
    let gone = Error::from(
        client
            .get_customer()
            .id(customer.id.clone())
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(
        (gone.status(), gone.code()),
        (Some(404), Some("customer_not_found"))
    );
}

/// The spec's operations and documented statuses against what the SDK was seen doing.
fn coverage_matches_the_spec(calls: &[Call], refused_client_side: &BTreeSet<&str>) {
    let spec = vinsnap_openapi::Spec::committed();
    let mut observed: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for call in calls {
        let status = call
            .status
            .map_or("no response".to_string(), |s| s.to_string());
        observed
            .entry(call.operation_id.as_str())
            .or_default()
            .insert(status);
    }

    for call in calls.iter().filter(|c| c.status.is_some()) {
        assert!(
            call.request_id
                .as_deref()
                .is_some_and(|id| id.starts_with("req_")),
            "the span carries the request id: {call:?}"
        );
        assert!(
            !call.method.is_empty() && call.path.starts_with('/'),
            "{call:?}"
        );
    }

    let in_spec: BTreeSet<&str> = spec
        .operations()
        .filter_map(|op| op.operation_id())
        .collect();
    let called: BTreeSet<&str> = observed.keys().copied().collect();
    assert_eq!(
        called, in_spec,
        "operations called through the SDK vs the spec's operationIds"
    );

    let mut missing = Vec::new();
    for op in spec.operations() {
        let id = op.operation_id().expect("operationId");
        for status in op.documented_statuses() {
            let seen = observed.get(id).is_some_and(|s| s.contains(status));
            let explained = match status {
                // The SDK only sends JSON bodies: a wrong content type cannot be sent through it.
                "415" => op.request_body().is_some(),
                // Malformed ids are refused by the SDK before sending (checked above).
                "400" => refused_client_side.contains(id),
                _ => false,
            };
            if !seen && !explained {
                missing.push(format!("{id} {status}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "documented but never seen through the SDK: {missing:?}"
    );
}
