//! The SQLite pool: WAL for concurrent readers, foreign keys on, migrations run at start. Also
//! the one statement of which rows of a shop's tables a caller sees.

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Sqlite, SqliteConnection};
use std::path::Path;
use std::time::Duration;

use crate::auth::Caller;

pub async fn connect(path: &Path) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        // The parts catalog (1.2M parts, ~1 GB) is read by every search: map it rather than
        // copy it page by page into each connection's small default cache.
        .pragma("mmap_size", "1073741824")
        .pragma("cache_size", "-32768");
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// A transaction that takes SQLite's write lock up front. A deferred transaction that reads and
/// then writes can fail with SQLITE_BUSY when another writer commits in between; an immediate one
/// waits its turn (up to the busy timeout) instead.
pub async fn write_tx(pool: &SqlitePool) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// The rows of a location-scoped table (customers, jobs, invoices) a caller sees: its shop's, in
/// its mode, and only its location's when the key is limited to one. Binds `?1`-`?3`: the
/// caller's shop, `livemode()` and location.
pub const VISIBLE: &str = "shop_id = ?1 AND livemode = ?2 AND (?3 IS NULL OR location_id = ?3)";

/// Row `id` of `table`, if `caller` sees it (`VISIBLE`); anything else is `None`, a 404 to the
/// caller whether it does not exist or belongs to someone else.
pub async fn get_visible<T, Id>(
    conn: &mut SqliteConnection,
    caller: &Caller,
    table: &str,
    columns: &str,
    id: &Id,
) -> sqlx::Result<Option<T>>
where
    T: for<'r> sqlx::FromRow<'r, SqliteRow> + Send + Unpin,
    Id: for<'q> sqlx::Encode<'q, Sqlite> + sqlx::Type<Sqlite> + Sync,
{
    sqlx::query_as(&format!(
        "SELECT {columns} FROM {table} WHERE {VISIBLE} AND id = ?4"
    ))
    .bind(&caller.shop_id)
    .bind(caller.livemode())
    .bind(&caller.location_id)
    .bind(id)
    .fetch_optional(conn)
    .await
}
