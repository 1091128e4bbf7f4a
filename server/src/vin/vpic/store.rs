//! Reading the vPIC SQLite file. Small tables (elements, lookups, engine models, conversions) are
//! read at open; a WMI, a schema's patterns and a name are read the first time a decode needs them
//! and kept (one cache per WMI, per WMI and model year, per schema), so a warm decode does no I/O.

use std::collections::HashMap;
use std::hash::Hash;
use std::path::Path;
use std::sync::{Arc, RwLock};

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::{Row, SqliteConnection};

use super::keys::{KEY_LEN, Key, ValidChars};

/// Tables the decoder reads; a file without one of them is not a vPIC database.
const TABLES: &[&str] = &[
    "Wmi",
    "Wmi_VinSchema",
    "Wmi_Make",
    "VinSchema",
    "Pattern",
    "Element",
    "Make",
    "Model",
    "Make_Model",
    "Manufacturer",
    "VehicleType",
    "EngineModel",
    "EngineModelPattern",
    "Conversion",
];

/// The indexes the lookups by WMI, schema and id need; the file as published has one index only.
const INDEXES: &[&str] = &[
    "CREATE INDEX IF NOT EXISTS vinsnap_pattern_schema ON Pattern (VinSchemaId, Id)",
    "CREATE INDEX IF NOT EXISTS vinsnap_wmi_code ON Wmi (Wmi)",
    "CREATE INDEX IF NOT EXISTS vinsnap_wmi_vinschema ON Wmi_VinSchema (WmiId)",
    "CREATE INDEX IF NOT EXISTS vinsnap_wmi_make ON Wmi_Make (WmiId)",
    "CREATE INDEX IF NOT EXISTS vinsnap_make_model ON Make_Model (ModelId)",
    "CREATE INDEX IF NOT EXISTS vinsnap_vinschema_id ON VinSchema (Id)",
    "CREATE INDEX IF NOT EXISTS vinsnap_make_id ON Make (Id)",
    "CREATE INDEX IF NOT EXISTS vinsnap_model_id ON Model (Id)",
    "CREATE INDEX IF NOT EXISTS vinsnap_manufacturer_id ON Manufacturer (Id)",
];

/// Adds the indexes the decoder needs to a vPIC file (once; later calls find them).
pub(crate) async fn add_indexes(path: &Path) -> anyhow::Result<()> {
    // A rollback journal, not WAL: the file must be whole on its own once the connection closes
    // (it is renamed into place, and later opened read-only).
    let options = SqliteConnectOptions::new()
        .filename(path)
        .journal_mode(SqliteJournalMode::Delete);
    let mut conn = sqlx::ConnectOptions::connect(&options).await?;
    for statement in INDEXES {
        sqlx::query(statement).execute(&mut conn).await?;
    }
    sqlx::query("ANALYZE").execute(&mut conn).await?;
    sqlx::Connection::close(conn).await?;
    Ok(())
}

async fn has_indexes(conn: &mut SqliteConnection) -> sqlx::Result<bool> {
    let count: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'vinsnap_%'",
    )
    .fetch_one(conn)
    .await?;
    Ok(count as usize == INDEXES.len())
}

/// An element (a decoded variable) as the `Element` table describes it.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    /// `Decode` is set: vPIC decodes this element from patterns.
    pub(crate) decodes: bool,
    pub(crate) private: bool,
    /// How much a decode that has this element is worth when passes are compared.
    pub(crate) weight: Option<i64>,
    /// The lookup table its attribute ids point into, if any.
    pub(crate) lookup: Option<String>,
}

/// One `Pattern` row of a schema.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub(crate) id: i64,
    /// Index into [`Schema::keys`].
    pub(crate) key: u32,
    pub(crate) element: i64,
    pub(crate) attribute: Box<str>,
    /// `coalesce(UpdatedOn, CreatedOn)` in microseconds.
    pub(crate) changed: i64,
}

/// A schema's distinct keys, compiled once.
#[derive(Debug)]
pub(crate) struct SchemaKey {
    pub(crate) text: Box<str>,
    pub(crate) key: Key,
    /// For a key with `#` (a formula pattern): the key-string indexes of its first and last `#`.
    pub(crate) formula: Option<(usize, usize)>,
}

/// A VIN schema: its patterns in id order and their distinct keys.
#[derive(Debug)]
pub(crate) struct Schema {
    pub(crate) id: i64,
    pub(crate) to_be_qced: bool,
    pub(crate) keys: Vec<SchemaKey>,
    pub(crate) patterns: Vec<Pattern>,
}

/// A schema linked to a WMI for a range of model years.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Link {
    pub(crate) schema: i64,
    pub(crate) year_from: i32,
    pub(crate) year_to: Option<i32>,
}

impl Link {
    pub(crate) fn covers(&self, year: Option<i32>) -> bool {
        year.is_none_or(|y| self.year_from <= y && y <= self.year_to.unwrap_or(2999))
    }
}

/// What the `Wmi` table and its links say about one WMI.
#[derive(Debug)]
pub(crate) struct Wmi {
    pub(crate) id: i64,
    pub(crate) changed: i64,
    pub(crate) manufacturer: Option<String>,
    pub(crate) vehicle_type: Option<i64>,
    pub(crate) truck_type: Option<i64>,
    pub(crate) makes: Vec<i64>,
    pub(crate) links: Vec<Link>,
}

impl Wmi {
    /// Passenger car, MPV, or light truck: the position-7 model-year rule applies to these.
    pub(crate) fn is_car_mpv_or_light_truck(&self) -> bool {
        match self.vehicle_type {
            Some(2 | 7) => true,
            Some(3) => self.truck_type == Some(1),
            _ => false,
        }
    }

    pub(crate) fn schema_count(&self, year: i32) -> usize {
        self.links.iter().filter(|l| l.covers(Some(year))).count()
    }
}

/// The schemas a WMI has for one model year (all of them when the year is unknown), and the
/// characters their keys name per position.
#[derive(Debug)]
pub(crate) struct YearView {
    pub(crate) links: Vec<(Arc<Schema>, i32)>,
    pub(crate) valid: ValidChars,
}

/// An `EngineModelPattern` row: what an engine model implies.
#[derive(Debug, Clone)]
pub(crate) struct EnginePattern {
    pub(crate) element: i64,
    pub(crate) attribute: String,
    pub(crate) changed: i64,
}

/// A `Conversion` row: `to = formula(from)`, the formula using `#x#` for the value.
#[derive(Debug, Clone)]
pub(crate) struct Conversion {
    pub(crate) id: i64,
    pub(crate) from: i64,
    pub(crate) to: i64,
    pub(crate) formula: String,
}

type Cache<K, V> = RwLock<HashMap<K, V>>;

fn cached<K: Eq + Hash, V: Clone>(cache: &Cache<K, V>, key: &K) -> Option<V> {
    cache
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .get(key)
        .cloned()
}

fn remember<K: Eq + Hash, V: Clone>(cache: &Cache<K, V>, key: K, value: V) -> V {
    cache
        .write()
        .unwrap_or_else(|p| p.into_inner())
        .entry(key)
        .or_insert(value)
        .clone()
}

/// The open vPIC file and everything read from it so far.
pub(crate) struct Store {
    pool: SqlitePool,
    pub(crate) elements: HashMap<i64, Element>,
    /// Lookup table name -> id -> name, for the small lookup tables.
    lookups: HashMap<String, HashMap<String, String>>,
    /// Engine model name (trimmed, lower case) -> its patterns.
    pub(crate) engine_models: HashMap<String, Vec<EnginePattern>>,
    pub(crate) conversions: Vec<Conversion>,
    wmis: Cache<String, Option<Arc<Wmi>>>,
    years: Cache<(i64, Option<i32>), Arc<YearView>>,
    schemas: Cache<i64, Arc<Schema>>,
    names: Cache<(&'static str, i64), Option<Arc<str>>>,
    model_makes: Cache<i64, Arc<[i64]>>,
}

impl Store {
    /// Opens a vPIC file read-only, after adding the decoder's indexes if it lacks them.
    pub(crate) async fn open(path: &Path) -> anyhow::Result<Store> {
        anyhow::ensure!(path.is_file(), "{} does not exist", path.display());
        let options = SqliteConnectOptions::new()
            .filename(path)
            .read_only(true)
            // Decoded schemas are cached above SQLite, so its own page cache stays small.
            .pragma("cache_size", "-2048");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .with_context(|| format!("opening {}", path.display()))?;
        let mut conn = pool.acquire().await?;
        for table in TABLES {
            let found: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            )
            .bind(table)
            .fetch_one(&mut *conn)
            .await
            .with_context(|| format!("reading {}", path.display()))?;
            anyhow::ensure!(
                found == 1,
                "{} is not a vPIC database: it has no {table} table",
                path.display()
            );
        }
        if !has_indexes(&mut conn).await? {
            drop(conn);
            pool.close().await;
            tracing::info!(path = %path.display(), "indexing the vPIC tables (once)");
            add_indexes(path)
                .await
                .with_context(|| format!("adding indexes to {}", path.display()))?;
            return Box::pin(Self::open(path)).await;
        }
        let elements = load_elements(&mut conn).await?;
        let lookups = load_lookups(&mut conn, &elements).await?;
        let engine_models = load_engine_models(&mut conn).await?;
        let conversions = sqlx::query(
            "SELECT Id, FromElementId, ToElementId, Formula FROM Conversion ORDER BY Id",
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|row| Conversion {
            id: row.get(0),
            from: row.get(1),
            to: row.get(2),
            formula: row.get(3),
        })
        .collect();
        drop(conn);
        Ok(Store {
            pool,
            elements,
            lookups,
            engine_models,
            conversions,
            wmis: RwLock::default(),
            years: RwLock::default(),
            schemas: RwLock::default(),
            names: RwLock::default(),
            model_makes: RwLock::default(),
        })
    }

    /// The WMI (3 characters, or 6 for a small manufacturer), if vPIC has it and it is public.
    pub(crate) async fn wmi(&self, code: &str) -> sqlx::Result<Option<Arc<Wmi>>> {
        if let Some(found) = cached(&self.wmis, &code.to_owned()) {
            return Ok(found);
        }
        let mut conn = self.pool.acquire().await?;
        let row = sqlx::query(
            "SELECT w.Id, coalesce(w.UpdatedOn, w.CreatedOn), m.Name, w.VehicleTypeId, w.TruckTypeId
             FROM Wmi w
             LEFT JOIN Manufacturer m ON m.Id = w.ManufacturerId
             WHERE w.Wmi = ? AND (w.PublicAvailabilityDate IS NULL OR w.PublicAvailabilityDate <= datetime('now'))
             ORDER BY w.Id LIMIT 1",
        )
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?;
        let wmi = match row {
            None => None,
            Some(row) => {
                let id: i64 = row.get(0);
                let makes = sqlx::query_scalar(
                    "SELECT MakeId FROM Wmi_Make WHERE WmiId = ? ORDER BY MakeId",
                )
                .bind(id)
                .fetch_all(&mut *conn)
                .await?;
                let links = sqlx::query("SELECT VinSchemaId, YearFrom, YearTo FROM Wmi_VinSchema WHERE WmiId = ? ORDER BY Id")
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await?
                    .into_iter()
                    .map(|l| Link {
                        schema: l.get(0),
                        year_from: l.get(1),
                        year_to: l.get(2),
                    })
                    .collect();
                Some(Arc::new(Wmi {
                    id,
                    changed: timestamp(row.get(1)),
                    manufacturer: row.get(2),
                    vehicle_type: row.get(3),
                    truck_type: row.get(4),
                    makes,
                    links,
                }))
            }
        };
        Ok(remember(&self.wmis, code.to_owned(), wmi))
    }

    /// The WMI's schemas for `year` (every schema when the year is unknown).
    pub(crate) async fn year_view(
        &self,
        wmi: &Wmi,
        year: Option<i32>,
    ) -> sqlx::Result<Arc<YearView>> {
        if let Some(view) = cached(&self.years, &(wmi.id, year)) {
            return Ok(view);
        }
        let mut links = Vec::new();
        let mut valid = [0; KEY_LEN];
        for link in wmi.links.iter().filter(|l| l.covers(year)) {
            let schema = self.schema(link.schema).await?;
            if year.is_some() {
                for key in &schema.keys {
                    key.key.add_names(&mut valid);
                }
            }
            links.push((schema, link.year_from));
        }
        Ok(remember(
            &self.years,
            (wmi.id, year),
            Arc::new(YearView { links, valid }),
        ))
    }

    async fn schema(&self, id: i64) -> sqlx::Result<Arc<Schema>> {
        if let Some(schema) = cached(&self.schemas, &id) {
            return Ok(schema);
        }
        let mut conn = self.pool.acquire().await?;
        let to_be_qced: Option<i64> =
            sqlx::query_scalar("SELECT TobeQCed FROM VinSchema WHERE Id = ?")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?
                .flatten();
        let rows = sqlx::query(
            "SELECT Id, upper(Keys), ElementId, AttributeId, coalesce(UpdatedOn, CreatedOn)
             FROM Pattern WHERE VinSchemaId = ? ORDER BY Id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let mut keys: Vec<SchemaKey> = Vec::new();
        let mut key_index: HashMap<String, u32> = HashMap::new();
        let mut patterns = Vec::with_capacity(rows.len());
        for row in rows {
            let text: String = row.get(1);
            let key = *key_index.entry(text.clone()).or_insert_with(|| {
                keys.push(SchemaKey {
                    formula: formula_span(&text),
                    key: Key::compile(&text),
                    text: text.into(),
                });
                (keys.len() - 1) as u32
            });
            patterns.push(Pattern {
                id: row.get(0),
                key,
                element: row.get(2),
                attribute: row.get::<String, _>(3).into(),
                changed: timestamp(row.get(4)),
            });
        }
        let schema = Arc::new(Schema {
            id,
            to_be_qced: to_be_qced.unwrap_or(0) != 0,
            keys,
            patterns,
        });
        Ok(remember(&self.schemas, id, schema))
    }

    /// The makes a model belongs to (`Make_Model`).
    pub(crate) async fn makes_of_model(&self, model: i64) -> sqlx::Result<Arc<[i64]>> {
        if let Some(makes) = cached(&self.model_makes, &model) {
            return Ok(makes);
        }
        let makes: Vec<i64> =
            sqlx::query_scalar("SELECT MakeId FROM Make_Model WHERE ModelId = ? ORDER BY Id")
                .bind(model)
                .fetch_all(&self.pool)
                .await?;
        Ok(remember(&self.model_makes, model, makes.into()))
    }

    /// The name of row `id` of `table` (`Make`, `Model` or `Manufacturer`).
    pub(crate) async fn name(
        &self,
        table: &'static str,
        id: i64,
    ) -> sqlx::Result<Option<Arc<str>>> {
        if let Some(name) = cached(&self.names, &(table, id)) {
            return Ok(name);
        }
        let sql = match table {
            "Make" => "SELECT Name FROM Make WHERE Id = ?",
            "Model" => "SELECT Name FROM Model WHERE Id = ?",
            _ => "SELECT Name FROM Manufacturer WHERE Id = ?",
        };
        let name: Option<String> = sqlx::query_scalar(sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(remember(&self.names, (table, id), name.map(Arc::from)))
    }

    /// The display value of an element's attribute: the lookup table's name for lookup elements,
    /// the attribute itself otherwise.
    pub(crate) async fn value(
        &self,
        element: i64,
        attribute: &str,
    ) -> sqlx::Result<Option<String>> {
        let lookup = self
            .elements
            .get(&element)
            .and_then(|e| e.lookup.as_deref());
        match lookup {
            Some(table @ ("Make" | "Model" | "Manufacturer")) => {
                let table = match table {
                    "Make" => "Make",
                    "Model" => "Model",
                    _ => "Manufacturer",
                };
                let Ok(id) = attribute.trim().parse::<i64>() else {
                    return Ok(None);
                };
                Ok(self.name(table, id).await?.map(|n| n.to_string()))
            }
            Some(table) => Ok(self
                .lookups
                .get(table)
                .and_then(|names| names.get(attribute.trim()))
                .cloned()),
            None => Ok(Some(attribute.to_owned())),
        }
    }

    /// How many schemas, patterns and names are cached (for the benchmark and the log).
    pub(crate) fn cached_counts(&self) -> (usize, usize) {
        let schemas = self.schemas.read().unwrap_or_else(|p| p.into_inner());
        (
            schemas.len(),
            schemas.values().map(|s| s.patterns.len()).sum(),
        )
    }
}

/// Key-string indexes of the first and last `#` of a formula key (`Pattern.Keys` with `#`).
fn formula_span(text: &str) -> Option<(usize, usize)> {
    Some((text.find('#')?, text.rfind('#')?))
}

/// `2015-03-04 10:33:34.057000` (fraction optional) as microseconds; 0 when absent or unreadable,
/// which sorts it before every real time as vPIC's NULL would.
pub(crate) fn timestamp(text: Option<String>) -> i64 {
    let Some(text) = text else { return 0 };
    chrono::NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S%.f")
        .map_or(0, |t| t.and_utc().timestamp_micros())
}

async fn load_elements(conn: &mut SqliteConnection) -> sqlx::Result<HashMap<i64, Element>> {
    let rows = sqlx::query("SELECT Id, Decode, IsPrivate, weight, LookupTable FROM Element")
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let decode: Option<String> = row.get(1);
            let private: Option<i64> = row.get(2);
            let lookup: Option<String> = row.get(4);
            (
                row.get(0),
                Element {
                    decodes: decode.is_some(),
                    private: private.unwrap_or(0) != 0,
                    weight: row.get(3),
                    lookup: lookup.filter(|l| !l.trim().is_empty()),
                },
            )
        })
        .collect())
}

/// The lookup tables elements point into, except the large name tables read on demand.
async fn load_lookups(
    conn: &mut SqliteConnection,
    elements: &HashMap<i64, Element>,
) -> sqlx::Result<HashMap<String, HashMap<String, String>>> {
    let present: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut *conn)
            .await?;
    let mut lookups = HashMap::new();
    for table in elements.values().filter_map(|e| e.lookup.as_deref()) {
        let small = !matches!(table, "Make" | "Model" | "Manufacturer");
        let valid_name = table
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_');
        if !small
            || !valid_name
            || lookups.contains_key(table)
            || !present.iter().any(|p| p == table)
        {
            continue;
        }
        let rows = sqlx::query(&format!("SELECT CAST(Id AS TEXT), Name FROM \"{table}\""))
            .fetch_all(&mut *conn)
            .await?;
        let names = rows.into_iter().map(|r| (r.get(0), r.get(1))).collect();
        lookups.insert(table.to_owned(), names);
    }
    Ok(lookups)
}

async fn load_engine_models(
    conn: &mut SqliteConnection,
) -> sqlx::Result<HashMap<String, Vec<EnginePattern>>> {
    let rows = sqlx::query(
        "SELECT em.Name, p.ElementId, p.AttributeId, coalesce(p.UpdatedOn, p.CreatedOn)
         FROM EngineModel em JOIN EngineModelPattern p ON p.EngineModelId = em.Id
         ORDER BY p.Id",
    )
    .fetch_all(conn)
    .await?;
    let mut models: HashMap<String, Vec<EnginePattern>> = HashMap::new();
    for row in rows {
        let name: String = row.get(0);
        models
            .entry(name.trim().to_lowercase())
            .or_default()
            .push(EnginePattern {
                element: row.get(1),
                attribute: row.get(2),
                changed: timestamp(row.get(3)),
            });
    }
    Ok(models)
}
