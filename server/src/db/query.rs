//! One statement for either engine: its SQL (shared, or one per engine), its arguments, and how
//! it runs. Arguments are kept until the statement runs, when the engine is known and they are
//! encoded for it; a value binds when sqlx can encode it for both engines ([`Value`]), and a row
//! decodes when it can be read from both ([`Row`], [`Scalar`]).
//!
//! ```text
//! let customer: Option<Customer> = db::query("SELECT … FROM customers WHERE id = $1")
//!     .bind(&id)
//!     .fetch_optional(&mut conn)
//!     .await?;
//! ```

use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{
    Arguments, Decode, Encode, FromRow, PgConnection, PgPool, Postgres, Sqlite, SqliteConnection,
    SqlitePool, Type,
};
use std::borrow::Cow;

use super::conn::{Conn, Raw, Tx};
use super::{Db, Engine, Pool};

/// A value both engines can bind.
pub trait Value<'q>:
    'q + Send + Sync + Encode<'q, Sqlite> + Type<Sqlite> + Encode<'q, Postgres> + Type<Postgres>
{
}

impl<'q, T> Value<'q> for T where
    T: 'q + Send + Sync + Encode<'q, Sqlite> + Type<Sqlite> + Encode<'q, Postgres> + Type<Postgres>
{
}

/// A row type both engines can decode (`#[derive(sqlx::FromRow)]` of fields that are).
pub trait Row: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

impl<T> Row for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{}

/// A single-column value both engines can decode.
pub trait Scalar:
    for<'r> Decode<'r, Sqlite>
    + Type<Sqlite>
    + for<'r> Decode<'r, Postgres>
    + Type<Postgres>
    + Send
    + Unpin
{
}

impl<T> Scalar for T where
    T: for<'r> Decode<'r, Sqlite>
        + Type<Sqlite>
        + for<'r> Decode<'r, Postgres>
        + Type<Postgres>
        + Send
        + Unpin
{
}

/// A statement's SQL: one text both engines run, or one per engine.
pub enum Sql<'q> {
    Shared(Cow<'q, str>),
    PerEngine(PerEngine<'q>),
}

/// The same statement as each engine says it, where their SQL must differ.
pub struct PerEngine<'q> {
    pub sqlite: &'q str,
    pub postgres: &'q str,
}

impl<'q> Sql<'q> {
    pub fn get(&self, engine: Engine) -> &str {
        match (self, engine) {
            (Sql::Shared(sql), _) => sql,
            (Sql::PerEngine(sql), Engine::Sqlite) => sql.sqlite,
            (Sql::PerEngine(sql), Engine::Postgres) => sql.postgres,
        }
    }
}

impl<'q> From<&'q str> for Sql<'q> {
    fn from(sql: &'q str) -> Self {
        Sql::Shared(Cow::Borrowed(sql))
    }
}

impl<'q> From<&'q String> for Sql<'q> {
    fn from(sql: &'q String) -> Self {
        Sql::Shared(Cow::Borrowed(sql))
    }
}

impl From<String> for Sql<'_> {
    fn from(sql: String) -> Self {
        Sql::Shared(Cow::Owned(sql))
    }
}

impl<'q> From<PerEngine<'q>> for Sql<'q> {
    fn from(sql: PerEngine<'q>) -> Self {
        Sql::PerEngine(sql)
    }
}

/// A bound value, encoded for the engine once the statement runs.
trait Arg<'q>: Send + Sync {
    fn add_sqlite(self: Box<Self>, args: &mut SqliteArguments<'q>) -> Result<(), BoxDynError>;
    fn add_postgres(self: Box<Self>, args: &mut PgArguments) -> Result<(), BoxDynError>;
}

impl<'q, T: Value<'q>> Arg<'q> for T {
    fn add_sqlite(self: Box<Self>, args: &mut SqliteArguments<'q>) -> Result<(), BoxDynError> {
        args.add(*self)
    }

    fn add_postgres(self: Box<Self>, args: &mut PgArguments) -> Result<(), BoxDynError> {
        args.add(*self)
    }
}

/// The arguments of a statement, in placeholder order.
#[derive(Default)]
pub(super) struct Args<'q>(Vec<Box<dyn Arg<'q> + 'q>>);

impl<'q> Args<'q> {
    pub(super) fn push<T: Value<'q>>(&mut self, value: T) {
        self.0.push(Box::new(value));
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    pub(super) fn sqlite(self) -> sqlx::Result<SqliteArguments<'q>> {
        let mut args = SqliteArguments::default();
        for arg in self.0 {
            arg.add_sqlite(&mut args).map_err(sqlx::Error::Encode)?;
        }
        Ok(args)
    }

    pub(super) fn postgres(self) -> sqlx::Result<PgArguments> {
        let mut args = PgArguments::default();
        args.reserve(self.0.len(), 16 * self.0.len());
        for arg in self.0 {
            arg.add_postgres(&mut args).map_err(sqlx::Error::Encode)?;
        }
        Ok(args)
    }
}

/// What a statement runs on: a connection, a transaction or the pool.
pub trait Executor<'c> {
    #[doc(hidden)]
    fn target(self) -> Target<'c>;
}

#[doc(hidden)]
pub enum Target<'c> {
    SqliteConn(&'c mut SqliteConnection),
    SqlitePool(&'c SqlitePool),
    PgConn(&'c mut PgConnection),
    PgPool(&'c PgPool),
}

impl<'c> Executor<'c> for &'c mut Conn {
    fn target(self) -> Target<'c> {
        match self.raw() {
            Raw::Sqlite(conn) => Target::SqliteConn(conn),
            Raw::Postgres(conn) => Target::PgConn(conn),
        }
    }
}

impl<'c> Executor<'c> for &'c mut Tx {
    fn target(self) -> Target<'c> {
        (&mut **self).target()
    }
}

impl<'c> Executor<'c> for &'c Db {
    fn target(self) -> Target<'c> {
        match self.pool() {
            Pool::Sqlite(pool) => Target::SqlitePool(pool),
            Pool::Postgres(pool) => Target::PgPool(pool),
        }
    }
}

/// A statement of either engine; see the module's example.
pub struct Query<'q> {
    sql: Sql<'q>,
    args: Args<'q>,
}

/// A statement, to [`bind`](Query::bind) and run.
pub fn query<'q>(sql: impl Into<Sql<'q>>) -> Query<'q> {
    Query {
        sql: sql.into(),
        args: Args::default(),
    }
}

/// Runs `$body` with `$exec` the target's executor, `$sql` the statement's text for its engine
/// and `$args` its arguments encoded for it.
macro_rules! on_target {
    ($query:expr, $on:expr, |$exec:ident, $sql:ident, $args:ident| $body:expr) => {{
        let Query { sql, args } = $query;
        match $on.target() {
            Target::SqliteConn($exec) => {
                let ($sql, $args) = (sql.get(Engine::Sqlite), args.sqlite()?);
                $body
            }
            Target::SqlitePool($exec) => {
                let ($sql, $args) = (sql.get(Engine::Sqlite), args.sqlite()?);
                $body
            }
            Target::PgConn($exec) => {
                let ($sql, $args) = (sql.get(Engine::Postgres), args.postgres()?);
                $body
            }
            Target::PgPool($exec) => {
                let ($sql, $args) = (sql.get(Engine::Postgres), args.postgres()?);
                $body
            }
        }
    }};
}

impl<'q> Query<'q> {
    /// The next placeholder's value (`$1`, then `$2`, …).
    pub fn bind<T: Value<'q>>(mut self, value: T) -> Self {
        self.args.push(value);
        self
    }

    /// Runs the statement; returns how many rows it changed.
    pub async fn execute<'c>(self, on: impl Executor<'c>) -> sqlx::Result<u64> {
        on_target!(self, on, |exec, sql, args| {
            Ok(sqlx::query_with(sql, args)
                .execute(exec)
                .await?
                .rows_affected())
        })
    }

    pub async fn fetch_one<'c, T: Row>(self, on: impl Executor<'c>) -> sqlx::Result<T> {
        on_target!(self, on, |exec, sql, args| {
            sqlx::query_as_with(sql, args).fetch_one(exec).await
        })
    }

    pub async fn fetch_optional<'c, T: Row>(
        self,
        on: impl Executor<'c>,
    ) -> sqlx::Result<Option<T>> {
        on_target!(self, on, |exec, sql, args| {
            sqlx::query_as_with(sql, args).fetch_optional(exec).await
        })
    }

    pub async fn fetch_all<'c, T: Row>(self, on: impl Executor<'c>) -> sqlx::Result<Vec<T>> {
        on_target!(self, on, |exec, sql, args| {
            sqlx::query_as_with(sql, args).fetch_all(exec).await
        })
    }

    /// The first column of the one row the statement returns.
    pub async fn fetch_scalar<'c, T: Scalar>(self, on: impl Executor<'c>) -> sqlx::Result<T> {
        on_target!(self, on, |exec, sql, args| {
            sqlx::query_scalar_with(sql, args).fetch_one(exec).await
        })
    }

    pub async fn fetch_optional_scalar<'c, T: Scalar>(
        self,
        on: impl Executor<'c>,
    ) -> sqlx::Result<Option<T>> {
        on_target!(self, on, |exec, sql, args| {
            sqlx::query_scalar_with(sql, args)
                .fetch_optional(exec)
                .await
        })
    }

    /// The first column of every row.
    pub async fn fetch_scalars<'c, T: Scalar>(self, on: impl Executor<'c>) -> sqlx::Result<Vec<T>> {
        on_target!(self, on, |exec, sql, args| {
            sqlx::query_scalar_with(sql, args).fetch_all(exec).await
        })
    }
}
