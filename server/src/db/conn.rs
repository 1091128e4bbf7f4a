//! A connection of either engine's pool, and a write transaction on one. Stores take
//! `&mut Conn`; a `&mut Tx` is one too (it derefs to its `Conn`), so one store function serves
//! reads on a pooled connection and writes inside a transaction, as `&mut SqliteConnection` did.

use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, Postgres, Sqlite, SqliteConnection, Transaction};
use std::ops::{Deref, DerefMut};

use super::Engine;

/// A pooled connection, or the connection of a [`Tx`].
pub struct Conn(Inner);

enum Inner {
    Sqlite(PoolConnection<Sqlite>),
    SqliteTx(Transaction<'static, Sqlite>),
    Postgres(PoolConnection<Postgres>),
    PostgresTx(Transaction<'static, Postgres>),
}

/// The connection a statement runs on.
pub(super) enum Raw<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl Conn {
    pub(super) fn sqlite(conn: PoolConnection<Sqlite>) -> Self {
        Self(Inner::Sqlite(conn))
    }

    pub(super) fn postgres(conn: PoolConnection<Postgres>) -> Self {
        Self(Inner::Postgres(conn))
    }

    pub fn engine(&self) -> Engine {
        match &self.0 {
            Inner::Sqlite(_) | Inner::SqliteTx(_) => Engine::Sqlite,
            Inner::Postgres(_) | Inner::PostgresTx(_) => Engine::Postgres,
        }
    }

    /// What a `SELECT` inside a write transaction appends to lock the rows it reads until the
    /// transaction ends: ` FOR UPDATE` in a PostgreSQL transaction. SQLite's write transaction
    /// already holds the database's one write lock.
    pub fn row_lock(&self) -> &'static str {
        match &self.0 {
            Inner::PostgresTx(_) => " FOR UPDATE",
            _ => "",
        }
    }

    /// The PostgreSQL connection, for statements only PostgreSQL runs (its own types in and
    /// out); `None` on SQLite.
    pub fn as_postgres(&mut self) -> Option<&mut PgConnection> {
        match self.raw() {
            Raw::Postgres(conn) => Some(conn),
            Raw::Sqlite(_) => None,
        }
    }

    pub(super) fn raw(&mut self) -> Raw<'_> {
        match &mut self.0 {
            Inner::Sqlite(conn) => Raw::Sqlite(conn),
            Inner::SqliteTx(tx) => Raw::Sqlite(tx),
            Inner::Postgres(conn) => Raw::Postgres(conn),
            Inner::PostgresTx(tx) => Raw::Postgres(tx),
        }
    }
}

/// A write transaction ([`super::Db::begin`]): rolled back when dropped without
/// [`commit`](Tx::commit).
pub struct Tx(Conn);

impl Tx {
    pub(super) fn sqlite(tx: Transaction<'static, Sqlite>) -> Self {
        Self(Conn(Inner::SqliteTx(tx)))
    }

    pub(super) fn postgres(tx: Transaction<'static, Postgres>) -> Self {
        Self(Conn(Inner::PostgresTx(tx)))
    }

    pub async fn commit(self) -> sqlx::Result<()> {
        match self.0.0 {
            Inner::SqliteTx(tx) => tx.commit().await,
            Inner::PostgresTx(tx) => tx.commit().await,
            Inner::Sqlite(_) | Inner::Postgres(_) => {
                unreachable!("a Tx is only made from a transaction")
            }
        }
    }
}

impl Deref for Tx {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        &self.0
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Conn {
        &mut self.0
    }
}
