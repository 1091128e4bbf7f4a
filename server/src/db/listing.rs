//! A list query written once: its `FROM`, its `WHERE` condition and the condition's arguments.
//! [`Listing::page`] counts the matching rows and reads one page of them in one statement with
//! the same arguments, so no store binds its filters twice.
//!
//! On SQLite the page leaves the database as one JSON value ([`Listing::page`] says how): read
//! row by row, sqlx's SQLite driver copies each row's values and hands the row from its worker
//! thread to the waiting task, waking that task again and again, which was a third of the time
//! of a 100-customer page.

use serde::de::DeserializeOwned;
use sqlx::{Arguments, Encode, PgConnection, Row as _, SqliteConnection, Type};

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
    /// Rows of `from` (one table, optionally aliased: `vehicles v`) where `condition` holds. Its
    /// placeholders are `$1`, `$2`, … in the order of the [`bind`](Self::bind) calls.
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

    /// How many rows match, and the page of them in `order_by` order, as `columns` (column
    /// names, qualified by `from`'s alias or not, or `expression AS name`; no commas inside).
    ///
    /// One statement on either engine. PostgreSQL sends the page's rows, each with the count
    /// beside it, decoded with `T`'s `sqlx::FromRow`. SQLite hands over the page as one JSON
    /// array of objects (column name to value), read with `T`'s `serde::Deserialize`, with
    /// [`super::json::flag`] on its `bool` fields (stored as 0 and 1) and [`super::json::text`]
    /// on fields stored as JSON text. (PostgreSQL builds JSON slower than it sends rows: a
    /// 100-row page took 0.3 ms longer as JSON.) Each engine's suite checks its decoder.
    pub async fn page<'c, T: Row + DeserializeOwned>(
        self,
        on: impl Executor<'c>,
        columns: &str,
        order_by: &str,
        page: Page,
    ) -> sqlx::Result<(Vec<T>, i64)> {
        let select = Select {
            from: self.from,
            columns,
            order_by,
            page,
        };
        match on.target() {
            Target::SqliteConn(conn) => select.sqlite(conn, &self.condition, self.args).await,
            Target::SqlitePool(pool) => {
                let mut conn = pool.acquire().await?;
                select.sqlite(&mut conn, &self.condition, self.args).await
            }
            Target::PgConn(conn) => select.postgres(conn, &self.condition, self.args).await,
            Target::PgPool(pool) => {
                let mut conn = pool.acquire().await?;
                select.postgres(&mut conn, &self.condition, self.args).await
            }
        }
    }
}

/// What [`Listing::page`] reads besides the condition.
struct Select<'a> {
    from: &'a str,
    columns: &'a str,
    order_by: &'a str,
    page: Page,
}

impl Select<'_> {
    /// The page's rows, as `columns` and `more` columns, for the condition binding `args`; the
    /// limit and offset are the next placeholders.
    fn rows(&self, more: &str, condition: &str, args: usize) -> String {
        let Select {
            from,
            columns,
            order_by,
            ..
        } = self;
        let (limit, offset) = (args + 1, args + 2);
        format!(
            "SELECT {columns}{more} FROM {from} WHERE {condition} ORDER BY {order_by}
             LIMIT ${limit} OFFSET ${offset}"
        )
    }

    /// `args` with the limit and offset after them.
    fn paged<'q, A: Arguments<'q>>(&self, mut args: A) -> sqlx::Result<A>
    where
        i64: Encode<'q, A::Database> + Type<A::Database>,
    {
        for value in [self.page.limit, self.page.offset] {
            args.add(i64::from(value)).map_err(sqlx::Error::Encode)?;
        }
        Ok(args)
    }

    async fn sqlite<T: DeserializeOwned>(
        &self,
        conn: &mut SqliteConnection,
        condition: &Sql<'_>,
        args: Args<'_>,
    ) -> sqlx::Result<(Vec<T>, i64)> {
        let (from, condition) = (self.from, condition.get(Engine::Sqlite));
        // The page's rows go by `from`'s alias, which the columns may be qualified with.
        let alias = from.split_whitespace().last().unwrap_or(from);
        let fields = output_names(self.columns)
            .map(|name| format!("'{name}', {alias}.{name}"))
            .collect::<Vec<_>>()
            .join(", ");
        // SQLite reads a `FROM` subquery with a `LIMIT` as a co-routine, in its order: an `ORDER
        // BY` in the aggregate as well would sort the page again (a tenth of its time).
        let statement = format!(
            "SELECT (SELECT COUNT(*) FROM {from} WHERE {condition}),
                    (SELECT json_group_array(json_object({fields}))
                     FROM ({rows}) AS {alias})",
            rows = self.rows("", condition, args.len()),
        );
        let args = self.paged(args.sqlite()?)?;
        let (total, rows): (i64, String) = sqlx::query_as_with(&statement, args)
            .fetch_one(&mut *conn)
            .await?;
        let rows = serde_json::from_str(&rows).map_err(|e| sqlx::Error::Decode(e.into()))?;
        Ok((rows, total))
    }

    async fn postgres<T: Row>(
        &self,
        conn: &mut PgConnection,
        condition: &Sql<'_>,
        args: Args<'_>,
    ) -> sqlx::Result<(Vec<T>, i64)> {
        let (from, condition) = (self.from, condition.get(Engine::Postgres));
        let count = format!("SELECT COUNT(*) FROM {from} WHERE {condition}");
        // Uncorrelated: PostgreSQL counts once, not for each row.
        let statement = self.rows(
            &format!(", ({count}) AS listing_total"),
            condition,
            args.len(),
        );
        let args = args.postgres()?;
        let rows = sqlx::query_with(&statement, self.paged(args.clone())?)
            .fetch_all(&mut *conn)
            .await?;
        let total = match rows.first() {
            Some(row) => row.try_get("listing_total")?,
            // Past the last row, or nothing matches: only a count can tell which.
            None if self.page.offset > 0 => {
                sqlx::query_scalar_with(&count, args)
                    .fetch_one(&mut *conn)
                    .await?
            }
            None => 0,
        };
        let rows = rows.iter().map(T::from_row).collect::<sqlx::Result<_>>()?;
        Ok((rows, total))
    }
}

/// The names of the result columns of a `SELECT` list: `v.id` is `id`, `x AS y` is `y`.
fn output_names(columns: &str) -> impl Iterator<Item = &str> {
    columns.split(',').map(|column| {
        let column = column.trim();
        let name = match column.rfind(" AS ") {
            Some(at) => &column[at + 4..],
            None => column.rsplit('.').next().unwrap_or(column),
        };
        name.trim()
    })
}

#[cfg(test)]
mod tests {
    use super::output_names;

    #[test]
    fn output_names_are_the_columns_as_a_select_names_them() {
        let names: Vec<_> =
            output_names("v.id, name,\n    email_message_id AS message_id, rowid").collect();
        assert_eq!(names, ["id", "name", "message_id", "rowid"]);
    }
}
