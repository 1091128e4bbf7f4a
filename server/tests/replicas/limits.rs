//! A key's rate limit is one count across replicas: Redis holds it.

use reqwest::Method;
use serde_json::json;

use super::Replicas;

#[tokio::test]
async fn a_keys_limit_holds_across_replicas() {
    // Nine reads a minute for the seeded key.
    let dir = tempfile::tempdir().unwrap();
    let limits = super::rate_limits(dir.path(), 9, 120);
    let replicas = Replicas::start(3, &["--rate-limits", &limits]).await;

    // The nine reads, three on each replica in turn, take one count down to zero.
    for n in 0..9 {
        let (status, headers, body) = replicas
            .send(n % 3, Method::GET, "/customers", None, None)
            .await;
        assert_eq!(status, 200, "read {n}: {body}");
        assert_eq!(headers["x-ratelimit-limit"], "9");
        assert_eq!(
            headers["x-ratelimit-remaining"],
            (8 - n).to_string().as_str(),
            "read {n} on replica {}",
            n % 3
        );
    }
    // The tenth is refused by every replica, none of which has counted nine itself.
    for i in 0..3 {
        let (status, headers, body) = replicas
            .send(i, Method::GET, "/customers", None, None)
            .await;
        assert_eq!(status, 429, "replica {i}: {body}");
        assert_eq!(body["error"]["code"], "rate_limited");
        assert!(headers.contains_key("retry-after"));
    }
    // Another category of the same key is counted apart.
    let (status, _, body) = replicas
        .send(
            1,
            Method::POST,
            "/customers",
            Some(&json!({ "name": "Ann" })),
            None,
        )
        .await;
    assert_eq!(status, 201, "{body}");
}
