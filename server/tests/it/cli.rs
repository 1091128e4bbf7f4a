//! The operator's CLI, run as the real binary (on this run's engine).

use std::process::{Command, Output};
use vinsnap_testkit::TestDatabase;

fn run(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vinsnap-server"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}

/// `shops create` prints `shop <id>` and `location <id>`.
fn create_shop(db: &str, name: &str) -> (String, String) {
    let out = run(db, &["shops", "create", "--name", name]);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let field = |label: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(label))
            .unwrap_or_else(|| panic!("no {label:?} in {stdout}"))
            .trim()
            .to_owned()
    };
    (field("shop "), field("location "))
}

#[tokio::test]
async fn keys_create_refuses_a_location_of_another_shop() {
    let database = TestDatabase::new().await;
    let db = &database.arg();
    let (shop_a, location_a) = create_shop(db, "Shop A");
    let (_shop_b, location_b) = create_shop(db, "Shop B");

    let refused = run(
        db,
        &[
            "keys",
            "create",
            "--shop",
            &shop_a,
            "--mode",
            "test",
            "--location",
            &location_b,
        ],
    );
    assert!(!refused.status.success(), "{refused:?}");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains(&format!("{location_b} is not a location of shop {shop_a}"))
            && stderr.contains(&location_a),
        "the message names the location, the shop and the shop's own locations: {stderr}"
    );
    assert!(refused.stdout.is_empty(), "no key was printed");
    let keys: i64 = count_keys(&database).await;
    assert_eq!(keys, 0, "no key was stored");

    let own = run(
        db,
        &[
            "keys",
            "create",
            "--shop",
            &shop_a,
            "--mode",
            "test",
            "--location",
            &location_a,
        ],
    );
    assert!(own.status.success(), "{own:?}");
    assert!(String::from_utf8_lossy(&own.stdout).starts_with("vsk_test_"));

    let nowhere = run(
        db,
        &[
            "keys",
            "create",
            "--shop",
            "shop_01jd3q8y7zk2m4n6p8r0t2v4x6",
            "--mode",
            "test",
        ],
    );
    assert!(!nowhere.status.success());
    assert!(
        String::from_utf8_lossy(&nowhere.stderr)
            .contains("there is no shop shop_01jd3q8y7zk2m4n6p8r0t2v4x6")
    );
}

async fn count_keys(database: &TestDatabase) -> i64 {
    vinsnap_server::db::query("SELECT COUNT(*) FROM api_keys")
        .fetch_scalar(&database.connect().await)
        .await
        .unwrap()
}
