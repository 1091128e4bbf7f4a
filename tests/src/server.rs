//! The reference server, started in-process on port 0 with a fresh SQLite database.

use std::path::PathBuf;
use std::sync::Arc;

use sqlx::SqlitePool;
use tempfile::TempDir;
use tokio::sync::oneshot;
use vinsnap_server::api::api_keys::store::{self as keys, NewKey};
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::config::Config;
use vinsnap_server::core::http_client::SystemResolver;
use vinsnap_server::core::ids::{LocationId, ShopId};
use vinsnap_server::core::retry::Schedule;
use vinsnap_server::core::ssrf::Policy;
use vinsnap_server::dispatcher::Webhooks;
use vinsnap_server::http::rate_limit::clock::ApiClock;
use vinsnap_server::http::rate_limit::config::RateLimits;
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
    /// Where invoice emails land (as `.eml` files) when no SMTP server is configured.
    pub outbox: PathBuf,
    _shutdown: oneshot::Sender<()>,
    _dir: TempDir,
}

/// How to start the server; `Options::default()` is what `TestServer::start` uses.
#[derive(Default)]
pub struct Options {
    /// Send invoice emails to this SMTP URL instead of the outbox directory.
    pub smtp_url: Option<String>,
    /// Webhook delivery rules; `None` keeps production rules (public HTTPS receivers only).
    pub webhooks: Option<Webhooks>,
    /// Rate limits other than the published table (benchmarks raise them).
    pub rate_limits: Option<RateLimits>,
}

impl Options {
    /// Receivers on 127.0.0.1 allowed (the server's local-development setting), retry delays
    /// multiplied by `scale` so a test sees retries without waiting minutes.
    pub fn local_webhooks(scale: f64) -> Options {
        Options {
            webhooks: Some(Webhooks::new(
                Policy { allow_local: true },
                Schedule::new(scale).expect("retry scale"),
                Arc::new(SystemResolver),
            )),
            ..Options::default()
        }
    }
}

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_with(Options::default()).await
    }

    pub async fn start_with(options: Options) -> TestServer {
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
        let outbox = dir.path().join("outbox");
        let config = Config {
            public_url: base.clone(),
            smtp_url: options.smtp_url,
            outbox: outbox.clone(),
            ..Config::default()
        };
        let mut state = AppState::with_config(pool.clone(), config);
        if let Some(webhooks) = options.webhooks {
            state = state.with_webhooks(webhooks);
        }
        if let Some(limits) = options.rate_limits {
            state = state.with_rate_limits(limits, ApiClock::default());
        }
        tokio::spawn(vinsnap_server::serve(listener, state, async {
            let _ = rx.await;
        }));
        TestServer {
            base,
            db: pool,
            shop,
            locations,
            test_key,
            live_key,
            outbox,
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
        self.builder(key).build().expect("client")
    }

    /// A client builder already pointed at this server, for tests that tune retries.
    pub fn builder(&self, key: &str) -> vinsnap::ClientBuilder {
        vinsnap::Client::builder(key).base_url(&self.base)
    }

    /// Loads a parts catalog (CSV, columns in server/data/README.md) with stock at this
    /// shop's locations; a new server's catalog is empty.
    pub async fn import_parts(&self, csv: &str) {
        vinsnap_server::api::parts::import::import_csv(&self.db, csv.as_bytes(), Some(&self.shop))
            .await
            .expect("parts catalog");
    }

    /// A fresh all-scopes test key: rate limits count per key, so a test that makes many
    /// writes spreads them over keys instead of meeting the limit by accident.
    pub async fn fresh_key(&self) -> String {
        self.key(Scope::ALL).await
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
    keys::mint(&mut conn, new, vinsnap_server::core::time::now()).await.expect("key").secret
}
