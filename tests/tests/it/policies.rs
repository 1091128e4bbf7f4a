//! The behaviours every operation gets from the server's middleware, produced for real once
//! through the SDK: rate limits (headers read by `client.rate_limit()`, a 429 when a key runs
//! out) and `Idempotency-Key` (a replay, and a 409 for a reused key). The coverage guard in
//! `operations` counts the 429 and the idempotency 409 seen here for every operation that
//! documents them, so this runs inside that test, under its recorder.

use vinsnap::prelude::*;
use vinsnap::types::CreateCustomer;
use vinsnap::{Error, RateLimit};
use vinsnap_tests::server::{SdkClients, TestServer};

use crate::operations::VIN;

pub(crate) async fn exercise(server: &TestServer) {
    rate_limited(server).await;
    idempotency(server).await;
}

/// A fresh key spends its VIN-decode budget (30 a minute on the shop's tier); the next call is
/// a typed 429 with `Retry-After`. The SDK retries 429s, so this client does not.
async fn rate_limited(server: &TestServer) {
    let client = server
        .builder(&server.fresh_key().await)
        .max_retries(0)
        .build()
        .expect("client");
    assert_eq!(client.rate_limit(), None, "nothing read before a call");
    client
        .decode_vin()
        .vin(VIN)
        .send()
        .await
        .expect("decode_vin");
    let RateLimit {
        limit,
        remaining,
        reset,
    } = client.rate_limit().expect("rate-limit headers");
    assert_eq!((limit, remaining), (30, 29));
    assert!(reset > 0);

    for left in (0..remaining).rev() {
        client
            .decode_vin()
            .vin(VIN)
            .send()
            .await
            .expect("within the limit");
        assert_eq!(client.rate_limit().map(|r| r.remaining), Some(left));
    }
    let error = Error::from(client.decode_vin().vin(VIN).send().await.unwrap_err());
    assert_eq!(
        (error.status(), error.code()),
        (Some(429), Some("rate_limited"))
    );
    assert!(!error.message().is_empty());
    assert!(error.request_id().is_some_and(|id| id.starts_with("req_")));
    assert!(error.retry_after().is_some_and(|wait| wait.as_secs() >= 1));
    assert_eq!(client.rate_limit().map(|r| r.remaining), Some(0));
}

/// The same explicit `Idempotency-Key` and body: the first response replayed, one customer.
/// The same key with another body: a typed 409.
async fn idempotency(server: &TestServer) {
    let client = server.client(&server.fresh_key().await);
    let create = |name: &'static str| {
        client
            .create_customer()
            .idempotency_key("7d0c5a8e-quickstart-once")
            .body(CreateCustomer::builder().name(name))
            .send()
    };
    let first = create("Idem Potent").await.expect("first");
    assert_eq!(first.status(), 201);
    assert!(!first.headers().contains_key("idempotent-replayed"));
    let replayed = create("Idem Potent").await.expect("replayed");
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    assert_eq!(replayed.status(), 201);
    assert_same!(
        replayed.into_inner(),
        first.into_inner(),
        "the first response again"
    );
    let found = client
        .list_customers()
        .q("Idem Potent")
        .send()
        .await
        .expect("list_customers");
    assert_eq!(found.total, 1, "created exactly once");

    let error = Error::from(create("Someone Else").await.unwrap_err());
    assert_eq!(
        (error.status(), error.code()),
        (Some(409), Some("idempotency_key_reused"))
    );
    assert!(!error.message().is_empty());
    assert!(error.request_id().is_some_and(|id| id.starts_with("req_")));
}
