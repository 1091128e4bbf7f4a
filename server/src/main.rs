//! `vinsnap-server`: run the API, print its spec, or administer shops and keys.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;
use vinsnap_server::api::api_keys::store::{self as keys, NewKey};
use vinsnap_server::api::parts::import;
use vinsnap_server::auth::{Mode, Scope};
use vinsnap_server::core::ids::{LocationId, ShopId};
use vinsnap_server::http::rate_limit::clock::ApiClock;
use vinsnap_server::http::rate_limit::config::RateLimits;
use vinsnap_server::{AppState, db, shops};

#[derive(Parser)]
#[command(
    name = "vinsnap-server",
    version,
    about = "The VinSnap Business API reference server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
        /// JSON file with the rate limits per tier (see README); the published table otherwise.
        #[arg(long, env = "VINSNAP_RATE_LIMITS")]
        rate_limits: Option<PathBuf>,
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
    /// SQLite database file (created if missing).
    #[arg(long = "db", env = "VINSNAP_DB", default_value = "vinsnap.db")]
    path: PathBuf,
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
        #[arg(long, default_value = "")]
        name: String,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Subcommand)]
enum ShopsCommand {
    /// Create a shop with one location and print its ids.
    Create {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        address: String,
        #[arg(long, default_value = "pro")]
        tier: String,
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
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "vinsnap_server=info,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Serve {
            addr,
            db,
            rate_limits,
        } => serve(addr, db.path, rate_limits).await,
        Command::Parts {
            command: PartsCommand::Import { file, shop, db },
        } => {
            let pool = db::connect(&db.path).await?;
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
            let pool = db::connect(&db.path).await?;
            let shop_id = ShopId::parse(&shop).map_err(anyhow::Error::msg)?;
            let scopes = match scopes.is_empty() {
                true => Scope::ALL.to_vec(),
                false => scopes
                    .iter()
                    .map(|s| Scope::parse(s).with_context(|| format!("unknown scope {s:?}")))
                    .collect::<anyhow::Result<_>>()?,
            };
            let location_id = location
                .map(|l| LocationId::parse(&l).map_err(anyhow::Error::msg))
                .transpose()?;
            let mode = match mode {
                ModeArg::Test => Mode::Test,
                ModeArg::Live => Mode::Live,
            };
            let mut conn = pool.acquire().await?;
            let created = keys::mint(
                &mut conn,
                NewKey {
                    shop_id: &shop_id,
                    mode,
                    name,
                    scopes,
                    location_id,
                },
            )
            .await
            .context("could not create the key (does the shop, and the location, exist?)")?;
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
            let pool = db::connect(&db.path).await?;
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
    }
}

async fn serve(
    addr: SocketAddr,
    db_path: PathBuf,
    rate_limits: Option<PathBuf>,
) -> anyhow::Result<()> {
    let mut state_limits = None;
    if let Some(path) = rate_limits {
        state_limits = Some(
            RateLimits::from_json_file(&path)
                .with_context(|| format!("reading rate limits from {}", path.display()))?,
        );
    }
    let pool = db::connect(&db_path)
        .await
        .with_context(|| format!("opening database {}", db_path.display()))?;
    if let Some(demo) = shops::bootstrap_demo(&pool).await? {
        println!(
            "Created demo shop {} with two API keys (shown once; stored hashed):",
            demo.shop_id
        );
        println!("{}", demo.test_key);
        println!("{}", demo.live_key);
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    println!("VinSnap API listening on http://{}", listener.local_addr()?);
    let mut state = AppState::new(pool);
    if let Some(limits) = state_limits {
        state = state.with_rate_limits(limits, ApiClock::default());
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
