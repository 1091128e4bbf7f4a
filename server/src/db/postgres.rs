//! The engine for many replicas: one PostgreSQL database, migrations (`migrations/postgres/`)
//! run at start. Replicas starting together are safe: the migrator holds an advisory lock.

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use std::str::FromStr;
use std::time::Duration;

/// Connections per replica. Every replica of a deployment opens up to this many, so the
/// database's `max_connections` must cover replicas × this.
const MAX_CONNECTIONS: u32 = 16;

pub async fn connect(url: &str) -> anyhow::Result<PgPool> {
    let options = PgConnectOptions::from_str(url)?
        .application_name("vinsnap-server")
        // The API's statements take well under a millisecond to run; JIT compiling one that the
        // planner overestimates (a parts search's key ranges) took 5 ms.
        .options([("jit", "off")]);
    let pool = PgPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations/postgres").run(&pool).await?;
    Ok(pool)
}
