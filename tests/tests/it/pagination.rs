//! `ListOperation::stream` against the real server.

use futures::TryStreamExt;
use vinsnap::prelude::*;
use vinsnap::types::CreateCustomer;
use vinsnap_tests::recorder::Recorder;
use vinsnap_tests::server::{SdkClients, TestServer};

#[tokio::test]
async fn stream_walks_every_page_and_keeps_the_filters() {
    let (recorder, _guard) = Recorder::install();
    let server = TestServer::start().await;
    let client = server.client(&server.test_key);
    for i in 0..7 {
        client
            .create_customer()
            .body(CreateCustomer::builder().name(format!("Chen {i}")))
            .send()
            .await
            .unwrap();
    }
    client
        .create_customer()
        .body(CreateCustomer::builder().name("Someone Else"))
        .send()
        .await
        .unwrap();
    recorder.clear();

    let chens: Vec<_> = client
        .list_customers()
        .q("chen")
        .limit(3)
        .offset(5) // overridden: a stream starts at the beginning
        .stream()
        .try_collect()
        .await
        .unwrap();

    let mut names: Vec<_> = chens.iter().map(|c| c.name.clone()).collect();
    names.sort();
    assert_eq!(
        names,
        (0..7).map(|i| format!("Chen {i}")).collect::<Vec<_>>()
    );
    let ids: std::collections::HashSet<_> = chens.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids.len(), 7, "no customer twice");
    let pages = recorder.calls();
    assert_eq!(pages.len(), 3, "pages of 3, 3 and 1: {pages:?}");
    assert!(
        pages
            .iter()
            .all(|c| c.operation_id == "list_customers" && c.status == Some(200))
    );
}

#[tokio::test]
async fn an_empty_list_is_one_request() {
    let (recorder, _guard) = Recorder::install();
    let server = TestServer::start().await;
    let client = server.client(&server.test_key);
    let none: Vec<_> = client
        .list_customers()
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(recorder.calls().len(), 1);
}

#[tokio::test]
async fn a_failing_page_ends_the_stream_with_the_typed_error() {
    let server = TestServer::start().await;
    let client = server.client("vsk_test_0000000000000000000000000000");
    let mut stream = std::pin::pin!(client.list_locations().stream());
    let error = stream.try_next().await.unwrap_err();
    assert_eq!(error.status(), Some(401));
    assert!(
        stream.try_next().await.unwrap().is_none(),
        "nothing after the error"
    );
}

#[tokio::test]
async fn every_list_operation_of_the_spec_streams() {
    // The generated `ListOperation` impls are derived from the spec; this pins that the SDK's
    // list is the spec's list of paged operations.
    let spec = vinsnap_openapi::Spec::committed();
    let paged: Vec<&str> = spec
        .operations()
        .filter(|op| {
            let names: Vec<_> = op
                .parameters()
                .iter()
                .filter_map(|p| p["name"].as_str())
                .collect();
            names.contains(&"limit") && names.contains(&"offset")
        })
        .filter_map(|op| op.operation_id())
        .collect();
    assert_eq!(paged, vinsnap::LIST_OPERATIONS);
}
