//! Storage on either engine: SQLite (the embedded default, one process) or PostgreSQL (many
//! replicas on one database). Every store writes its SQL once with `$1`, `$2`, … placeholders,
//! which both engines read, and runs it through [`query`] on a [`Conn`], a [`Tx`] or the [`Db`]
//! itself; where the engines must differ (upserts of their own, full-text search, queue
//! claiming) the store gives both statements side by side in a [`PerEngine`].
//!
//! Also here: the one statement of which rows of a shop's tables a caller sees, and the one
//! paged list query every store uses.

mod conn;
pub mod json;
mod listing;
mod postgres;
mod query;
mod sqlite;

use std::path::PathBuf;

pub use conn::{Conn, Tx};
pub use listing::Listing;
pub use query::{Executor, PerEngine, Query, Row, Scalar, Sql, Value, query};

use crate::auth::Caller;

/// Which database engine a [`Db`] runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Where the data lives, as `--db` / `VINSNAP_DB` names it: a `postgres://` (or
/// `postgresql://`) URL, or a SQLite file (a path, or a `sqlite:` URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Location {
    pub fn parse(raw: &str) -> Location {
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Location::Postgres(raw.to_owned());
        }
        let path = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
            .unwrap_or(raw);
        Location::Sqlite(PathBuf::from(path))
    }
}

impl std::fmt::Display for Location {
    /// The location for messages: a PostgreSQL URL without its password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => match url::Url::parse(url) {
                Ok(mut url) if url.password().is_some() => {
                    let _ = url.set_password(Some("***"));
                    write!(f, "{url}")
                }
                _ => f.write_str(url),
            },
        }
    }
}

/// The connection pool of either engine, migrated to the current schema.
#[derive(Clone, Debug)]
pub struct Db(Pool);

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

impl Db {
    /// Opens (creating a SQLite file if missing) and migrates the database at `location`.
    pub async fn connect(location: &Location) -> anyhow::Result<Db> {
        Ok(match location {
            Location::Sqlite(path) => Db(Pool::Sqlite(sqlite::connect(path).await?)),
            Location::Postgres(url) => Db(Pool::Postgres(postgres::connect(url).await?)),
        })
    }

    /// [`Db::connect`] to `--db`'s value.
    pub async fn open(raw: &str) -> anyhow::Result<Db> {
        Self::connect(&Location::parse(raw)).await
    }

    pub fn engine(&self) -> Engine {
        match &self.0 {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// A connection of the pool, for reads (and single-statement writes).
    pub async fn acquire(&self) -> sqlx::Result<Conn> {
        Ok(match &self.0 {
            Pool::Sqlite(pool) => Conn::sqlite(pool.acquire().await?),
            Pool::Postgres(pool) => Conn::postgres(pool.acquire().await?),
        })
    }

    /// A write transaction. On SQLite it takes the write lock up front: a deferred transaction
    /// that reads and then writes can fail with SQLITE_BUSY when another writer commits in
    /// between, and an immediate one waits its turn (up to the busy timeout) instead. On
    /// PostgreSQL, rows a transaction reads through [`get_visible`] are locked until it ends, so
    /// a read-check-write (a status move, a partial update) is as safe there as under SQLite's
    /// one writer.
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        Ok(match &self.0 {
            Pool::Sqlite(pool) => Tx::sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Tx::postgres(pool.begin().await?),
        })
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ping(&self) -> sqlx::Result<()> {
        query("SELECT 1").execute(self).await.map(drop)
    }

    pub async fn close(&self) {
        match &self.0 {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }

    /// The PostgreSQL pool, for what only PostgreSQL has (LISTEN/NOTIFY).
    pub fn postgres_pool(&self) -> Option<&sqlx::PgPool> {
        match &self.0 {
            Pool::Postgres(pool) => Some(pool),
            Pool::Sqlite(_) => None,
        }
    }

    fn pool(&self) -> &Pool {
        &self.0
    }
}

/// The rows of a location-scoped table (customers, jobs, invoices) a caller sees: its shop's, in
/// its mode, and only its location's when the key is limited to one. Binds `$1`-`$3`: the
/// caller's shop, `livemode()` and location.
pub const VISIBLE: &str = "shop_id = $1 AND livemode = $2 AND ($3 IS NULL OR location_id = $3)";

/// Row `id` of `table`, if `caller` sees it ([`VISIBLE`]); anything else is `None`, a 404 to the
/// caller whether it does not exist or belongs to someone else. Read inside a PostgreSQL write
/// transaction, the row stays locked until the transaction ends (see [`Db::begin`]).
pub async fn get_visible<T, Id>(
    conn: &mut Conn,
    caller: &Caller,
    table: &str,
    columns: &str,
    id: &Id,
) -> sqlx::Result<Option<T>>
where
    T: Row,
    for<'a> &'a Id: Value<'a>,
{
    let lock = conn.row_lock();
    query(format!(
        "SELECT {columns} FROM {table} WHERE {VISIBLE} AND id = $4{lock}"
    ))
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .bind(&caller.location_id)
    .bind(id)
    .fetch_optional(conn)
    .await
}
