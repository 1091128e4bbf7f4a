//! The embedded engine: one SQLite file, WAL for concurrent readers, foreign keys on,
//! migrations (`migrations/sqlite/`) run at start.

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::path::Path;
use std::time::Duration;

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
        // A pooled SQLite connection is a file handle and a thread, not a socket that may have
        // gone away: the ping each acquire would send is one more round trip to that thread
        // for every statement run on the pool.
        .test_before_acquire(false)
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
    Ok(pool)
}
