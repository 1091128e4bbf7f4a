//! Loads a catalog CSV (`vinsnap-server parts import FILE.csv`; columns in server/data/README.md).
//! Rows are upserted by (brand, part_number), so importing a newer catalog over an older one
//! updates it in place. Each row is checked and an error names its line and column.

use crate::db::{self, Conn, Db, Engine};
use anyhow::{Context, bail};
use serde::Deserialize;
use serde_json::json;
use std::collections::{BTreeSet, HashMap, HashSet};

use super::model::{Fitment, OemNumber};
use super::postings::{self, Changes, STORED_COLUMNS, StoredPart};
use crate::core::ids::{LocationId, PartId, ShopId};

/// The sample catalog loaded on the demo shop (`server/data/parts_sample.csv`).
pub const SAMPLE: &str = include_str!("../../../data/parts_sample.csv");

/// Parts per statement: each statement carries a chunk of parts as one JSON parameter, so a
/// chunk costs a handful of statements instead of several per part.
const CHUNK: usize = 1_000;
/// Chunks per transaction: large enough to be fast, small enough not to hold the write lock for
/// long while the server runs.
const CHUNKS_PER_TX: usize = 20;
/// Fitment years `model_years` (migration 0006) holds.
const MODEL_YEARS: std::ops::RangeInclusive<i32> = 1886..=2100;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    part_number: String,
    brand: String,
    #[serde(rename = "type")]
    part_type: String,
    name: String,
    #[serde(default)]
    description: String,
    unit_price: Option<i64>,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    oem_numbers: String,
    fitments: String,
    #[serde(default)]
    stock: String,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub parts: u64,
    pub fitments: u64,
    pub stock_rows: u64,
}

/// Imports `csv`. With `stock_for`, the `stock` column's quantities go to that shop's locations
/// (oldest first, as `GET /locations` lists them); without it the column is ignored.
pub async fn import_csv(
    db: &Db,
    csv: impl std::io::Read,
    stock_for: Option<&ShopId>,
) -> anyhow::Result<Imported> {
    let locations: Vec<LocationId> = match stock_for {
        Some(shop) => {
            let locations: Vec<LocationId> =
                db::query("SELECT id FROM locations WHERE shop_id = $1 ORDER BY id")
                    .bind(shop)
                    .fetch_scalars(db)
                    .await?;
            if locations.is_empty() {
                bail!("shop {shop} does not exist or has no locations");
            }
            locations
        }
        None => Vec::new(),
    };
    let imported = import_rows(db, csv, &locations).await;
    if db.engine() == Engine::Postgres {
        // The rows just written have no hint bits, visibility or statistics yet: without this
        // the first searches set them (writing as they read) and plan on guesses.
        db::query("VACUUM (ANALYZE) parts, part_postings, part_stock")
            .execute(db)
            .await?;
    }
    imported
}

async fn import_rows(
    db: &Db,
    csv: impl std::io::Read,
    locations: &[LocationId],
) -> anyhow::Result<Imported> {
    let mut reader = csv::Reader::from_reader(csv);
    let mut imported = Imported::default();
    let mut chunk = Chunk::default();
    let mut chunks_in_tx = 0;
    let mut changes = Changes::default();
    let mut tx = begin(db).await?;
    for (index, record) in reader.deserialize::<Row>().enumerate() {
        let line = index + 2;
        let row = record.with_context(|| format!("line {line}"))?;
        let part = CatalogPart::parse(&row, locations)
            .with_context(|| format!("line {line} ({} {})", row.brand, row.part_number))?;
        if chunk.parts.len() == CHUNK || chunk.has(&part) {
            chunk
                .write(&mut tx, locations, &mut imported, &mut changes)
                .await?;
            chunks_in_tx += 1;
            if chunks_in_tx == CHUNKS_PER_TX {
                commit(tx, &mut changes).await?;
                tx = begin(db).await?;
                chunks_in_tx = 0;
            }
        }
        chunk.push(part);
    }
    chunk
        .write(&mut tx, locations, &mut imported, &mut changes)
        .await?;
    if tx.engine() == Engine::Sqlite {
        // New words become searchable as prefixes; the search falls back to FTS5's own prefix
        // query for a word with no known completions, so a search during the import still
        // finds them.
        db::query(
            "INSERT OR IGNORE INTO part_words (word) SELECT term FROM parts_fts_terms WHERE col = 'text'",
        )
        .execute(&mut *tx)
        .await?;
    }
    commit(tx, &mut changes).await?;
    Ok(imported)
}

/// A transaction of the import. On PostgreSQL it holds the lists' writers' lock from the start,
/// as what it reads of the parts it updates decides what it changes in the lists.
async fn begin(db: &Db) -> anyhow::Result<db::Tx> {
    let mut tx = db.begin().await?;
    if let Some(conn) = tx.as_postgres() {
        postings::lock_for_writing(conn).await?;
    }
    Ok(tx)
}

/// Writes the transaction's changes to the search lists (PostgreSQL) and commits: parts and
/// their listing become visible together.
async fn commit(mut tx: db::Tx, changes: &mut Changes) -> anyhow::Result<()> {
    if let Some(conn) = tx.as_postgres() {
        changes.write(conn).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A checked CSV row, as the `parts` table stores it.
struct CatalogPart {
    brand: String,
    part_number: String,
    part_type: String,
    name: String,
    description: String,
    unit_price: Option<i64>,
    currency: String,
    oem_numbers: Vec<OemNumber>,
    fitments: Vec<Fitment>,
    stock: Vec<i64>,
}

impl CatalogPart {
    fn parse(row: &Row, locations: &[LocationId]) -> anyhow::Result<Self> {
        for (column, value) in [
            ("part_number", &row.part_number),
            ("brand", &row.brand),
            ("name", &row.name),
        ] {
            if value.trim().is_empty() {
                bail!("`{column}` is empty");
            }
        }
        let part_type = row.part_type.trim();
        if part_type.is_empty()
            || !part_type
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            bail!(
                "`type` must be lowercase letters, digits and dashes, like `brake-pads`; got {part_type:?}"
            );
        }
        let stock = parse_stock(&row.stock)?;
        if !locations.is_empty() && stock.len() > locations.len() {
            bail!(
                "`stock` has {} quantities but the shop has {} locations",
                stock.len(),
                locations.len()
            );
        }
        let currency = match row.currency.trim() {
            "" => "USD".to_owned(),
            c if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => c.to_owned(),
            c => bail!("`currency` must be an ISO 4217 code such as USD; got {c:?}"),
        };
        if row.unit_price.is_some_and(|p| p < 0) {
            bail!("`unit_price` must not be negative");
        }
        Ok(Self {
            brand: row.brand.trim().to_owned(),
            part_number: row.part_number.trim().to_owned(),
            part_type: part_type.to_owned(),
            name: row.name.trim().to_owned(),
            description: row.description.trim().to_owned(),
            unit_price: row.unit_price,
            currency,
            oem_numbers: parse_oem_numbers(&row.oem_numbers)?,
            fitments: parse_fitments(&row.fitments)?,
            stock,
        })
    }

    /// The tokens the part is listed under in PostgreSQL's search lists.
    fn tokens(&self) -> BTreeSet<String> {
        let text = postings::text_fields(
            &self.name,
            &self.brand,
            &self.part_number,
            &self.oem_numbers,
            &self.description,
        );
        postings::tokens(&self.part_type, &self.fitments, &text)
    }
}

/// Parts written together. Rows are upserted, so one chunk never holds the same part twice: the
/// later row must update what the earlier one wrote.
#[derive(Default)]
struct Chunk {
    parts: Vec<CatalogPart>,
    keys: HashSet<(String, String)>,
}

impl Chunk {
    fn has(&self, part: &CatalogPart) -> bool {
        self.keys
            .contains(&(part.brand.clone(), part.part_number.clone()))
    }

    /// The search lists' entries of the chunk's parts that are in the catalog already, as they
    /// were imported before, to be removed: what a part keeps, it is listed under again.
    async fn unlist_previous(&self, conn: &mut Conn, changes: &mut Changes) -> anyhow::Result<()> {
        let keys: Vec<(&str, &str)> = self
            .parts
            .iter()
            .map(|p| (p.brand.as_str(), p.part_number.as_str()))
            .collect();
        let previous: Vec<StoredPart> = db::query(format!(
            // One probe of the (brand, part_number) index per part (LIMIT keeps the planner from
            // joining against a scan of the whole catalog).
            "SELECT p.* FROM jsonb_array_elements($1::jsonb) v,
                 LATERAL (SELECT {STORED_COLUMNS} FROM parts
                          WHERE brand = v ->> 0 AND part_number = v ->> 1 LIMIT 1) p"
        ))
        .bind(serde_json::to_string(&keys)?)
        .fetch_all(&mut *conn)
        .await?;
        for part in &previous {
            changes.remove_stored(part)?;
        }
        Ok(())
    }

    fn push(&mut self, part: CatalogPart) {
        self.keys
            .insert((part.brand.clone(), part.part_number.clone()));
        self.parts.push(part);
    }

    /// Writes the parts, their stock and their search index entries (on PostgreSQL, gathers
    /// them into `changes`), and empties the chunk.
    async fn write(
        &mut self,
        conn: &mut Conn,
        locations: &[LocationId],
        imported: &mut Imported,
        changes: &mut Changes,
    ) -> anyhow::Result<()> {
        if self.parts.is_empty() {
            return Ok(());
        }
        let types: HashSet<&str> = self.parts.iter().map(|p| p.part_type.as_str()).collect();
        db::query(db::PerEngine {
            sqlite: "INSERT OR IGNORE INTO part_types (type) SELECT value FROM json_each($1)",
            postgres: "INSERT INTO part_types (type) SELECT jsonb_array_elements_text($1::jsonb)
                       ON CONFLICT DO NOTHING",
        })
        .bind(serde_json::to_string(&types)?)
        .execute(&mut *conn)
        .await?;

        if conn.engine() == Engine::Postgres {
            self.unlist_previous(conn, changes).await?;
        }
        let new_ids: Vec<PartId> = self.parts.iter().map(|_| PartId::generate()).collect();
        let rows = self
            .parts
            .iter()
            .zip(&new_ids)
            .map(|(p, id)| -> serde_json::Result<serde_json::Value> {
                Ok(json!([
                    id,
                    p.brand,
                    p.part_number,
                    p.part_type,
                    p.name,
                    p.description,
                    p.unit_price,
                    p.currency,
                    serde_json::to_string(&p.oem_numbers)?,
                    serde_json::to_string(&p.fitments)?,
                ]))
            })
            .collect::<serde_json::Result<Vec<_>>>()?;
        let written: Vec<(i64, PartId, String, String)> = db::query(db::PerEngine {
            sqlite:
                "INSERT INTO parts (id, brand, part_number, type, name, description, unit_price,
                                        currency, oem_numbers, fitments)
                     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4,
                            value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9
                     FROM json_each($1) WHERE true
                     ON CONFLICT (brand, part_number) DO UPDATE SET
                         type = excluded.type, name = excluded.name,
                         description = excluded.description, unit_price = excluded.unit_price,
                         currency = excluded.currency, oem_numbers = excluded.oem_numbers,
                         fitments = excluded.fitments
                     RETURNING seq, id, brand, part_number",
            postgres: "INSERT INTO parts (id, brand, part_number, type, name, description,
                                          unit_price, currency, oem_numbers, fitments)
                       SELECT v ->> 0, v ->> 1, v ->> 2, v ->> 3, v ->> 4, v ->> 5,
                              (v ->> 6)::bigint, v ->> 7, v ->> 8, v ->> 9
                       FROM jsonb_array_elements($1::jsonb) v
                       ON CONFLICT (brand, part_number) DO UPDATE SET
                           type = excluded.type, name = excluded.name,
                           description = excluded.description, unit_price = excluded.unit_price,
                           currency = excluded.currency, oem_numbers = excluded.oem_numbers,
                           fitments = excluded.fitments
                       RETURNING seq, id, brand, part_number",
        })
        .bind(serde_json::Value::Array(rows).to_string())
        .fetch_all(&mut *conn)
        .await?;
        let by_key: HashMap<(String, String), (i64, PartId)> = written
            .into_iter()
            .map(|(seq, id, brand, number)| ((brand, number), (seq, id)))
            .collect();
        let mut seqs = Vec::with_capacity(self.parts.len());
        let mut updated = Vec::new();
        let mut stock = Vec::new();
        for (part, new_id) in self.parts.iter().zip(&new_ids) {
            let key = (part.brand.clone(), part.part_number.clone());
            let (seq, id) = by_key
                .get(&key)
                .with_context(|| format!("{} {} was not written", part.brand, part.part_number))?;
            seqs.push(*seq);
            if id != new_id {
                updated.push(*seq);
            }
            for (location, quantity) in locations.iter().zip(&part.stock) {
                stock.push(json!([seq, location, quantity]));
            }
            imported.fitments += part.fitments.len() as u64;
        }

        match conn.engine() {
            Engine::Sqlite => index_fts5(conn, &seqs, &updated).await?,
            Engine::Postgres => {
                for (part, seq) in self.parts.iter().zip(&seqs) {
                    changes.add(*seq, part.tokens())?;
                }
            }
        }
        imported.parts += self.parts.len() as u64;
        imported.stock_rows += stock.len() as u64;
        db::query(db::PerEngine {
            sqlite: "INSERT INTO part_stock (part_seq, location_id, quantity)
                     SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each($1) WHERE true
                     ON CONFLICT (part_seq, location_id) DO UPDATE SET quantity = excluded.quantity",
            postgres: "INSERT INTO part_stock (part_seq, location_id, quantity)
                       SELECT (v ->> 0)::bigint, v ->> 1, (v ->> 2)::bigint
                       FROM jsonb_array_elements($1::jsonb) v
                       ON CONFLICT (part_seq, location_id) DO UPDATE SET quantity = excluded.quantity",
        })
        .bind(serde_json::Value::Array(stock).to_string())
        .execute(&mut *conn)
        .await?;
        self.parts.clear();
        self.keys.clear();
        Ok(())
    }
}

/// Indexes the parts `seqs` in FTS5 (from `part_search_docs`, migration 0006); `updated` ones'
/// entries are replaced, not added to.
async fn index_fts5(conn: &mut Conn, seqs: &[i64], updated: &[i64]) -> anyhow::Result<()> {
    db::query("DELETE FROM parts_fts WHERE rowid IN (SELECT value FROM json_each($1))")
        .bind(serde_json::to_string(updated)?)
        .execute(&mut *conn)
        .await?;
    db::query(
        "INSERT INTO parts_fts (rowid, text, fit)
         SELECT seq, text, fit FROM part_search_docs
         WHERE seq IN (SELECT value FROM json_each($1))",
    )
    .bind(serde_json::to_string(seqs)?)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn parse_oem_numbers(raw: &str) -> anyhow::Result<Vec<OemNumber>> {
    entries(raw)
        .map(|entry| match entry.split_once(':') {
            Some((brand, number)) if !brand.trim().is_empty() && !number.trim().is_empty() => {
                Ok(OemNumber {
                    brand: brand.trim().to_owned(),
                    number: number.trim().to_owned(),
                })
            }
            _ => bail!("`oem_numbers`: {entry:?} is not BRAND:NUMBER"),
        })
        .collect()
}

/// `Honda|Accord|2003-2007;Honda|*|2008-2012` (`*`: every model of the make)
fn parse_fitments(raw: &str) -> anyhow::Result<Vec<Fitment>> {
    let fitments: Vec<Fitment> = entries(raw)
        .map(|entry| {
            let bad = || anyhow::anyhow!("`fitments`: {entry:?} is not MAKE|MODEL|YEAR-YEAR");
            let mut fields = entry.split('|').map(str::trim);
            let (Some(make), Some(model), Some(years), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(bad());
            };
            let (from, to) = years.split_once('-').unwrap_or((years, years));
            let (Ok(year_from), Ok(year_to)) = (from.trim().parse(), to.trim().parse()) else {
                return Err(bad());
            };
            if make.is_empty() || model.is_empty() || year_from > year_to {
                return Err(bad());
            }
            if !MODEL_YEARS.contains(&year_from) || !MODEL_YEARS.contains(&year_to) {
                bail!(
                    "`fitments`: {entry:?} names a model year outside {}-{}",
                    MODEL_YEARS.start(),
                    MODEL_YEARS.end()
                );
            }
            Ok(Fitment {
                make: make.to_owned(),
                model: (model != "*").then(|| model.to_owned()),
                year_from,
                year_to,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    if fitments.is_empty() {
        bail!("`fitments` is empty: a part must fit at least one vehicle range");
    }
    Ok(fitments)
}

/// `4;0`: quantities at the shop's locations, oldest location first.
fn parse_stock(raw: &str) -> anyhow::Result<Vec<i64>> {
    entries(raw)
        .map(|entry| match entry.parse::<i64>() {
            Ok(quantity) if quantity >= 0 => Ok(quantity),
            _ => bail!("`stock`: {entry:?} is not a quantity"),
        })
        .collect()
}

fn entries(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(';').map(str::trim).filter(|e| !e.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitments_parse_and_name_bad_entries() {
        let parsed = parse_fitments("Honda|Accord|2003-2007; Honda|*|2010").unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].make, "Honda");
        assert_eq!(parsed[0].model.as_deref(), Some("Accord"));
        assert_eq!(
            (
                parsed[1].model.as_deref(),
                parsed[1].year_from,
                parsed[1].year_to
            ),
            (None, 2010, 2010)
        );
        for bad in [
            "Honda|Accord",
            "Honda|Accord|2007-2003",
            "Honda|Accord|x",
            "",
            "|A|2000",
            "Ford|*|1885",
            "Ford|*|2000-2101",
        ] {
            assert!(parse_fitments(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn oem_numbers_and_stock() {
        let oem = parse_oem_numbers("Honda:45022-SDA-A00;Acura: 45022-SEP-A00").unwrap();
        assert_eq!(oem[1].brand, "Acura");
        assert_eq!(oem[1].number, "45022-SEP-A00");
        assert!(parse_oem_numbers("45022").is_err());
        assert_eq!(parse_stock("4;0").unwrap(), vec![4, 0]);
        assert!(parse_stock("-1").is_err());
    }
}
