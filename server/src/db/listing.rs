//! A list query written once: its `FROM`, its `WHERE` condition and the condition's arguments.
//! [`Listing::page`] counts the matching rows and reads one page of them with the same
//! arguments, so no store binds its filters twice.

use super::query::{Args, Executor, Row, Sql, Target, Value};
use super::{Engine, VISIBLE};
use crate::auth::Caller;
use crate::http::pagination::Page;

pub struct Listing<'q> {
    from: &'q str,
    condition: Sql<'q>,
    args: Args<'q>,
}

impl<'q> Listing<'q> {
    /// Rows of `from` (a table, or tables with a join) where `condition` holds. Its placeholders
    /// are `$1`, `$2`, … in the order of the [`bind`](Self::bind) calls.
    pub fn new(from: &'q str, condition: impl Into<Sql<'q>>) -> Self {
        Self {
            from,
            condition: condition.into(),
            args: Args::default(),
        }
    }

    /// The rows of a location-scoped table `caller` sees ([`VISIBLE`], binding `$1`-`$3`) where
    /// `condition` also holds; its own placeholders start at `$4`.
    pub fn visible(from: &'q str, caller: &'q Caller, condition: &str) -> Self {
        Self::new(from, format!("{VISIBLE} AND ({condition})"))
            .bind(&caller.shop_id)
            .bind(caller.livemode())
            .bind(&caller.location_id)
    }

    /// The next placeholder's value.
    pub fn bind<T: Value<'q>>(mut self, value: T) -> Self {
        self.args.push(value);
        self
    }

    /// How many rows match, and the page of them in `order_by` order, as `columns`.
    pub async fn page<'c, T: Row>(
        self,
        on: impl Executor<'c>,
        columns: &str,
        order_by: &str,
        page: Page,
    ) -> sqlx::Result<(Vec<T>, i64)> {
        use sqlx::Arguments;
        let Listing {
            from,
            condition,
            args,
        } = self;
        let (limit, offset) = (args.len() + 1, args.len() + 2);
        let (limit_value, offset_value) = (i64::from(page.limit), i64::from(page.offset));
        let statements = |engine| {
            let condition = condition.get(engine);
            (
                format!("SELECT COUNT(*) FROM {from} WHERE {condition}"),
                format!(
                    "SELECT {columns} FROM {from} WHERE {condition} ORDER BY {order_by}
                     LIMIT ${limit} OFFSET ${offset}"
                ),
            )
        };
        // Counted first: past the last row there is no page to read.
        macro_rules! run {
            ($exec:ident, $engine:expr, $args:expr) => {{
                let (count, select) = statements($engine);
                let mut args = $args;
                let total: i64 = sqlx::query_scalar_with(&count, args.clone())
                    .fetch_one(&mut *$exec)
                    .await?;
                if total <= offset_value {
                    return Ok((Vec::new(), total));
                }
                args.add(limit_value).map_err(sqlx::Error::Encode)?;
                args.add(offset_value).map_err(sqlx::Error::Encode)?;
                let rows = sqlx::query_as_with(&select, args)
                    .fetch_all(&mut *$exec)
                    .await?;
                Ok((rows, total))
            }};
        }
        match on.target() {
            Target::SqliteConn(exec) => run!(exec, Engine::Sqlite, args.sqlite()?),
            Target::PgConn(exec) => run!(exec, Engine::Postgres, args.postgres()?),
            Target::SqlitePool(pool) => {
                let mut exec = pool.acquire().await?;
                run!(exec, Engine::Sqlite, args.sqlite()?)
            }
            Target::PgPool(pool) => {
                let mut exec = pool.acquire().await?;
                run!(exec, Engine::Postgres, args.postgres()?)
            }
        }
    }
}
