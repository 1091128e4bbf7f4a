//! Several dispatchers on one database (replicas; in-process here, on either engine): one that
//! starts while another has attempts in flight leaves their leases alone, and the retention
//! sweep's turn comes to one of them per hour.

use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use vinsnap_server::core::http_client::SystemResolver;
use vinsnap_server::core::retry::Schedule;
use vinsnap_server::core::ssrf::Policy;
use vinsnap_server::core::time;
use vinsnap_server::dispatcher::{self, Webhooks, retention};

use super::receiver::{Answer, Receiver};
use super::{local_app, register};

#[tokio::test]
async fn a_starting_dispatcher_leaves_a_live_ones_leases_alone() {
    // The receiver holds each attempt for 3 s: the first dispatcher's leases are live meanwhile.
    let receiver = Receiver::start(
        Vec::new(),
        Answer::status(200).delay(Duration::from_secs(3)),
    )
    .await;
    let app = local_app(0.001).await;
    register(&app, &receiver.url, serde_json::json!(["customer.created"])).await;
    for i in 0..4 {
        app.customer(&format!("Customer {i}")).await;
    }
    receiver.wait_for(4, Duration::from_secs(10)).await;
    // A second replica starts on the same database while the four attempts are in flight.
    let second = dispatcher::spawn(
        app.db.clone(),
        Arc::new(Webhooks::new(
            Policy { allow_local: true },
            Schedule::new(0.001).unwrap(),
            Arc::new(SystemResolver),
        )),
        Default::default(),
        CancellationToken::new(),
    );
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        receiver.received().len(),
        4,
        "the starting dispatcher sent deliveries another one was attempting"
    );
    second.shutdown().await;
}

#[tokio::test]
async fn the_retention_sweep_is_one_replicas_turn_per_hour() {
    let app = local_app(0.001).await;
    let now = time::now().timestamp_millis();
    let every = retention::EVERY.as_millis() as i64;
    // Past an hour after any turn the app's own dispatcher took when it started.
    let later = now + every + 60_000;
    let turns = turns_at(&app.db, later).await;
    assert_eq!(
        turns, 1,
        "of three replicas asking at once, exactly one sweeps"
    );
    assert!(
        !retention::take_turn(&app.db, later + every / 2)
            .await
            .unwrap()
    );
    assert!(retention::take_turn(&app.db, later + every).await.unwrap());
}

/// How many of three replicas asking at the same moment get the turn.
async fn turns_at(db: &vinsnap_server::db::Db, at: i64) -> usize {
    let (a, b, c) = tokio::join!(
        retention::take_turn(db, at),
        retention::take_turn(db, at),
        retention::take_turn(db, at),
    );
    [a, b, c]
        .into_iter()
        .filter(|won| *won.as_ref().unwrap())
        .count()
}
