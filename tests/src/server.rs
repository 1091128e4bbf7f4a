//! The reference server, started in-process on port 0 with a fresh SQLite database.

use sqlx::SqlitePool;
use tempfile::TempDir;
use tokio::sync::oneshot;
use vinsnap_server::api::api_keys::store::{self as keys, NewKey};
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::core::ids::{LocationId, ShopId};
use vinsnap_server::{AppState, db, shops};

pub use vinsnap_server::auth::{Mode as KeyMode, Scope as KeyScope};

/// A running server with one shop (two locations) and an all-scopes key per mode. Stops when
/// dropped.
pub struct TestServer {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    pub db: SqlitePool,
    pub shop: ShopId,
    pub locations: Vec<LocationId>,
    /// All scopes, test mode, no location limit.
    pub test_key: String,
    /// All scopes, live mode, no location limit.
    pub live_key: String,
    _shutdown: oneshot::Sender<()>,
    _dir: TempDir,
}

impl TestServer {
    pub async fn start() -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let pool = db::connect(&dir.path().join("test.db"))
            .await
            .expect("database");
        let (shop, locations) = shops::create(
            &pool,
            shops::NewShop {
                name: "Test Garage",
                address: "1 Test St",
                tier: "pro",
                locations: &[("North", "1 North St"), ("South", "2 South St")],
            },
        )
        .await
        .expect("shop");
        let test_key = mint(&pool, &shop, Mode::Test, Scope::ALL).await;
        let live_key = mint(&pool, &shop, Mode::Live, Scope::ALL).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(vinsnap_server::serve(
            listener,
            AppState::new(pool.clone()),
            async {
                let _ = rx.await;
            },
        ));
        TestServer {
            base,
            db: pool,
            shop,
            locations,
            test_key,
            live_key,
            _shutdown: tx,
            _dir: dir,
        }
    }

    /// Mints a test-mode key for this shop with `scopes`.
    pub async fn key(&self, scopes: &[Scope]) -> String {
        mint(&self.db, &self.shop, Mode::Test, scopes).await
    }

    /// An all-scopes test key of another shop in the same database.
    pub async fn other_shop_key(&self) -> String {
        let (shop, _) = shops::create(
            &self.db,
            shops::NewShop {
                name: "Rival Motors",
                address: "",
                tier: "free",
                locations: &[("Only", "")],
            },
        )
        .await
        .expect("shop");
        mint(&self.db, &shop, Mode::Test, Scope::ALL).await
    }

    /// An SDK client for this server, with fast retries.
    pub fn client(&self, key: &str) -> vinsnap::Client {
        vinsnap::Client::builder(key)
            .base_url(&self.base)
            .build()
            .expect("client")
    }
}

async fn mint(db: &SqlitePool, shop: &ShopId, mode: Mode, scopes: &[Scope]) -> String {
    let mut conn = db.acquire().await.expect("connection");
    let new = NewKey {
        shop_id: shop,
        mode,
        name: "test".into(),
        scopes: scopes.to_vec(),
        location_id: None,
    };
    keys::mint(&mut conn, new).await.expect("key").secret
}
