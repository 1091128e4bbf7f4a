//! A fresh database for each test, on the engine the run asks for.
//!
//! - `VINSNAP_TEST_ENGINE`: `sqlite` (the default) or `postgres`: what [`TestDatabase::new`]
//!   makes, so the same tests run on either engine.
//! - `VINSNAP_TEST_POSTGRES`: the URL of a PostgreSQL server the tests may create databases on
//!   (`./scripts/test` starts a throwaway one). A PostgreSQL test database is copied from a
//!   template migrated once per schema (named after the migrations' checksums, so a changed
//!   migration makes a new one), which takes milliseconds, and is dropped when the test ends.
//! - `VINSNAP_TEST_REDIS`: the URL of a Redis server, for the tests of shared rate limits. On
//!   PostgreSQL the whole suite counts its rate limits there too (as replicas in production do),
//!   so every rate-limit test also checks the Redis script against the same expectations.

use sqlx::{Connection, Executor, PgConnection};
use std::path::PathBuf;
use tempfile::TempDir;
use vinsnap_server::db::{Db, Engine, Location};

/// The engine this test run's [`TestDatabase::new`] uses.
pub fn engine() -> Engine {
    match std::env::var("VINSNAP_TEST_ENGINE").as_deref() {
        Ok("postgres") => Engine::Postgres,
        Ok("sqlite") | Ok("") | Err(_) => Engine::Sqlite,
        Ok(other) => panic!("VINSNAP_TEST_ENGINE must be sqlite or postgres, not {other:?}"),
    }
}

/// The PostgreSQL server of this run (`VINSNAP_TEST_POSTGRES`).
pub fn postgres_url() -> String {
    std::env::var("VINSNAP_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!(
            "this test needs PostgreSQL: set VINSNAP_TEST_POSTGRES to a server's URL \
             (./scripts/test starts a throwaway one and sets it)"
        )
    })
}

/// The Redis server of this run (`VINSNAP_TEST_REDIS`).
pub fn redis_url() -> String {
    std::env::var("VINSNAP_TEST_REDIS").unwrap_or_else(|_| {
        panic!(
            "this test needs Redis: set VINSNAP_TEST_REDIS to a server's URL \
             (./scripts/test starts a throwaway one and sets it)"
        )
    })
}

/// The Redis a [`crate::TestServer`] counts its rate limits in by default: this run's, when the
/// suite runs on PostgreSQL; none (limits in the server) on SQLite.
pub fn suite_redis() -> Option<String> {
    match engine() {
        Engine::Postgres => std::env::var("VINSNAP_TEST_REDIS").ok(),
        Engine::Sqlite => None,
    }
}

/// A database of its own for one test: a SQLite file in a temporary directory, or a PostgreSQL
/// database dropped when this is.
pub struct TestDatabase {
    location: Location,
    /// The PostgreSQL database's name, dropped with this.
    postgres: Option<(String, String)>,
    _dir: Option<TempDir>,
}

impl TestDatabase {
    /// A fresh, migrated database on this run's engine ([`engine`]).
    pub async fn new() -> TestDatabase {
        match engine() {
            Engine::Sqlite => Self::sqlite(),
            Engine::Postgres => Self::postgres().await,
        }
    }

    /// A SQLite file (created and migrated when first opened).
    pub fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("temp dir");
        TestDatabase {
            location: Location::Sqlite(dir.path().join("test.db")),
            postgres: None,
            _dir: Some(dir),
        }
    }

    /// A PostgreSQL database of its own on `VINSNAP_TEST_POSTGRES`, migrated.
    pub async fn postgres() -> TestDatabase {
        Self::postgres_database(true).await
    }

    /// An empty PostgreSQL database of its own, for tests that run the migrations themselves.
    pub async fn postgres_unmigrated() -> TestDatabase {
        Self::postgres_database(false).await
    }

    async fn postgres_database(migrated: bool) -> TestDatabase {
        let admin_url = postgres_url();
        let mut admin = PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|err| panic!("connecting to VINSNAP_TEST_POSTGRES: {err}"));
        let template = match migrated {
            true => template(&mut admin, &admin_url).await,
            false => "template0".to_owned(),
        };
        let name = format!("vinsnap_t_{}", ulid::Ulid::new().to_string().to_lowercase());
        admin
            .execute(format!(r#"CREATE DATABASE "{name}" TEMPLATE "{template}""#).as_str())
            .await
            .expect("CREATE DATABASE from the template");
        let _ = admin.close().await;
        TestDatabase {
            location: Location::Postgres(database_url(&admin_url, &name)),
            postgres: Some((admin_url, name)),
            _dir: None,
        }
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// What `vinsnap-server serve --db` takes to open this database.
    pub fn arg(&self) -> String {
        match &self.location {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => url.clone(),
        }
    }

    /// A pool on this database (migrating it on first use).
    pub async fn connect(&self) -> Db {
        Db::connect(&self.location).await.expect("database")
    }

    pub fn path(&self) -> Option<PathBuf> {
        match &self.location {
            Location::Sqlite(path) => Some(path.clone()),
            Location::Postgres(_) => None,
        }
    }
}

impl Drop for TestDatabase {
    /// Drops the PostgreSQL database, closing what is still connected to it. On a thread of its
    /// own: this may run inside the test's runtime, which cannot block on itself.
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async {
                let mut admin = PgConnection::connect(&admin_url).await?;
                admin
                    .execute(format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#).as_str())
                    .await?;
                admin.close().await
            })
        })
        .join();
        if let Ok(Err(err)) = dropped {
            eprintln!("could not drop a test database: {err}");
        }
    }
}

/// The migrated template test databases are copied from, made once per schema.
async fn template(admin: &mut PgConnection, admin_url: &str) -> String {
    let migrator = sqlx::migrate!("../server/migrations/postgres");
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for migration in migrator.iter() {
        for byte in migration.checksum.iter() {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let name = format!("vinsnap_template_{hash:016x}");
    // One process builds it; the others wait, then find it.
    admin
        .execute("SELECT pg_advisory_lock(7914002)")
        .await
        .expect("template lock");
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&name)
            .fetch_one(&mut *admin)
            .await
            .expect("pg_database");
    if !exists {
        let building = format!("{name}_building");
        admin
            .execute(format!(r#"DROP DATABASE IF EXISTS "{building}" WITH (FORCE)"#).as_str())
            .await
            .expect("drop a half-built template");
        admin
            .execute(format!(r#"CREATE DATABASE "{building}""#).as_str())
            .await
            .expect("create the template");
        let db = Db::connect(&Location::Postgres(database_url(admin_url, &building)))
            .await
            .expect("migrate the template");
        db.close().await;
        admin
            .execute(format!(r#"ALTER DATABASE "{building}" RENAME TO "{name}""#).as_str())
            .await
            .expect("publish the template");
    }
    admin
        .execute("SELECT pg_advisory_unlock(7914002)")
        .await
        .expect("template unlock");
    name
}

/// `admin_url` with its database replaced by `name`.
fn database_url(admin_url: &str, name: &str) -> String {
    let mut url = url::Url::parse(admin_url).expect("VINSNAP_TEST_POSTGRES is a URL");
    url.set_path(&format!("/{name}"));
    url.to_string()
}
