//! One idempotency key sent to two replicas at once creates one resource: the other replica
//! replays it or answers `idempotency_key_in_use`, never creates a second.

use reqwest::Method;
use serde_json::json;

use super::Replicas;

const ROUNDS: usize = 25;

#[tokio::test]
async fn one_key_on_two_replicas_at_once_creates_one_resource() {
    let replicas = Replicas::start(2, &[]).await;
    let (mut created, mut replayed, mut in_use) = (0, 0, 0);
    for round in 0..ROUNDS {
        let key = format!("replicas-{round}-{}", ulid::Ulid::new());
        let body = json!({ "name": format!("Customer {round}") });
        let (a, b) = tokio::join!(
            replicas.send(0, Method::POST, "/customers", Some(&body), Some(&key)),
            replicas.send(1, Method::POST, "/customers", Some(&body), Some(&key)),
        );
        let mut ids = Vec::new();
        for (status, headers, body) in [a, b] {
            match status.as_u16() {
                201 => {
                    ids.push(body["id"].as_str().unwrap().to_owned());
                    if headers.contains_key("idempotent-replayed") {
                        replayed += 1;
                    } else {
                        created += 1;
                    }
                }
                409 => {
                    assert_eq!(body["error"]["code"], "idempotency_key_in_use", "{body}");
                    in_use += 1;
                }
                other => panic!("round {round}: {other} {body}"),
            }
        }
        assert!(!ids.is_empty(), "round {round}: neither replica created it");
        assert!(
            ids.windows(2).all(|w| w[0] == w[1]),
            "round {round}: two customers {ids:?}"
        );
        // Once settled, either replica replays it.
        let (status, headers, again) = replicas
            .send(
                round % 2,
                Method::POST,
                "/customers",
                Some(&body),
                Some(&key),
            )
            .await;
        assert_eq!(status, 201, "{again}");
        assert!(headers.contains_key("idempotent-replayed"));
        assert_eq!(again["id"], ids[0].as_str());
    }
    let (status, _, list) = replicas
        .send(1, Method::GET, "/customers?limit=1", None, None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], ROUNDS, "one customer per key");
    eprintln!(
        "idempotency across 2 replicas, {ROUNDS} keys sent to both at once: \
         {created} created, {replayed} replayed, {in_use} answered idempotency_key_in_use"
    );
}
