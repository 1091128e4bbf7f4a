//! The SQLite pool: WAL for concurrent readers, foreign keys on, migrations run at start. Also
//! the one statement of which rows of a shop's tables a caller sees, and the one paged list
//! query every store uses.

use sqlx::error::BoxDynError;
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteRow, SqliteSynchronous,
};
use sqlx::{Arguments, Sqlite, SqliteConnection};
use std::path::Path;
use std::time::Duration;

use crate::auth::Caller;
use crate::http::pagination::Page;

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

/// A list query written once: its `FROM`, its `WHERE` condition and the condition's arguments.
/// [`Listing::page`] counts the matching rows and reads one page of them with the same
/// arguments, so no store binds its filters twice.
pub struct Listing<'q> {
    from: &'q str,
    condition: String,
    args: SqliteArguments<'q>,
    /// The first argument that failed to encode, reported when the query runs.
    error: Option<BoxDynError>,
}

impl<'q> Listing<'q> {
    /// Rows of `from` (a table, or tables with a join) where `condition` holds. Its placeholders
    /// are `?1`, `?2`, … in the order of the [`bind`](Self::bind) calls.
    pub fn new(from: &'q str, condition: impl Into<String>) -> Self {
        Self {
            from,
            condition: condition.into(),
            args: SqliteArguments::default(),
            error: None,
        }
    }

    /// The rows of a location-scoped table `caller` sees ([`VISIBLE`], binding `?1`-`?3`) where
    /// `condition` also holds; its own placeholders start at `?4`.
    pub fn visible(from: &'q str, caller: &'q Caller, condition: &str) -> Self {
        Self::new(from, format!("{VISIBLE} AND ({condition})"))
            .bind(&caller.shop_id)
            .bind(caller.livemode())
            .bind(&caller.location_id)
    }

    /// The next placeholder's value.
    pub fn bind<T>(mut self, value: T) -> Self
    where
        T: 'q + sqlx::Encode<'q, Sqlite> + sqlx::Type<Sqlite>,
    {
        if let Err(err) = self.args.add(value)
            && self.error.is_none()
        {
            self.error = Some(err);
        }
        self
    }

    /// How many rows match, and the page of them in `order_by` order, as `columns`.
    pub async fn page<T>(
        self,
        conn: &mut SqliteConnection,
        columns: &str,
        order_by: &str,
        page: Page,
    ) -> sqlx::Result<(Vec<T>, i64)>
    where
        T: for<'r> sqlx::FromRow<'r, SqliteRow> + Send + Unpin,
    {
        if let Some(err) = self.error {
            return Err(sqlx::Error::Encode(err));
        }
        let Self {
            from,
            condition,
            mut args,
            ..
        } = self;
        let count = format!("SELECT COUNT(*) FROM {from} WHERE {condition}");
        let total: i64 = sqlx::query_scalar_with(&count, args.clone())
            .fetch_one(&mut *conn)
            .await?;
        if total <= i64::from(page.offset) {
            return Ok((Vec::new(), total));
        }
        let (limit, offset) = (args.len() + 1, args.len() + 2);
        args.add(page.limit).map_err(sqlx::Error::Encode)?;
        args.add(page.offset).map_err(sqlx::Error::Encode)?;
        let select = format!(
            "SELECT {columns} FROM {from} WHERE {condition} ORDER BY {order_by}
             LIMIT ?{limit} OFFSET ?{offset}"
        );
        let rows = sqlx::query_as_with(&select, args)
            .fetch_all(&mut *conn)
            .await?;
        Ok((rows, total))
    }
}
