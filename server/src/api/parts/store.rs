//! Catalog queries. A search runs on the engine's index ([`fts5`] on SQLite, [`postings`] on
//! PostgreSQL): a fit token for the vehicle (and type), and the search words. It yields part
//! `seq`s in catalog order; only the page's parts are then read in full.

use crate::db::{Db, Engine};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::model::{Fitment, OemNumber, Part, StockLevel};
use super::{fts5, postings};
use crate::auth::Caller;
use crate::core::ids::{LocationId, PartId};
use crate::db;
use crate::http::pagination::Page;

/// What a search matches on.
pub struct Criteria<'a> {
    pub make: &'a str,
    /// The model's catalog names (see `fitment`); empty: any model of the make.
    pub models: &'a [String],
    pub year: i32,
    pub part_type: Option<&'a str>,
    /// Folded words (from `words`), each to match as a prefix of a word of the part.
    pub words: Vec<String>,
}

impl Criteria<'_> {
    /// The fit tokens a fitting part is indexed under (migration 0006 describes them): one for
    /// a make, or two (every model, that model) for a make and model.
    pub fn fit_tokens(&self) -> Vec<String> {
        if self.models.is_empty() {
            return vec![fit_token(&make_key(self.make), self.part_type, self.year)];
        }
        let mut vehicles = vec![model_key(self.make, None)];
        vehicles.extend(self.models.iter().map(|m| model_key(self.make, Some(m))));
        vehicles
            .iter()
            .map(|vehicle| fit_token(vehicle, self.part_type, self.year))
            .collect()
    }
}

/// The fit token of a vehicle ([`make_key`] or [`model_key`]), narrowed to a part type or not,
/// in a model year: `<vehicle>[t<type>]y<year>`.
pub fn fit_token(vehicle: &str, part_type: Option<&str>, year: i32) -> String {
    match part_type {
        Some(part_type) => format!("{vehicle}t{}y{year}", hex::encode(part_type)),
        None => format!("{vehicle}y{year}"),
    }
}

/// Every part of a make: `k<make>`.
pub fn make_key(make: &str) -> String {
    format!("k{}", name_token(make))
}

/// The parts of a make that fit every model (`m<make>`) or one model (`m<make>x<model>`).
pub fn model_key(make: &str, model: Option<&str>) -> String {
    match model {
        Some(model) => format!("m{}x{}", name_token(make), name_token(model)),
        None => format!("m{}", name_token(make)),
    }
}

/// The words of what a person typed, folded as the index folds the catalog's words. Anything
/// but letters and digits separates words, as it does for the index's tokenizer, so no query
/// syntax can be injected.
pub fn words(q: &str) -> Vec<String> {
    fold(q)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_owned)
        .collect()
}

/// Lower case without diacritics (`Café` -> `cafe`), as FTS5's `remove_diacritics` tokenizer
/// reads text.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// A make or model in a fit token: hex of its ASCII-lowercased UTF-8, as SQLite's
/// `part_search_docs` writes it (SQLite's `lower` folds ASCII only).
fn name_token(name: &str) -> String {
    hex::encode(name.to_ascii_lowercase())
}

/// The page's part `seq`s, in catalog order, and how many parts match in all.
pub async fn search(db: &Db, criteria: &Criteria<'_>, page: Page) -> sqlx::Result<(Vec<i64>, i64)> {
    let mut conn = db.acquire().await?;
    match conn.engine() {
        Engine::Sqlite => fts5::search(&mut conn, criteria, page).await,
        Engine::Postgres => postings::search(&mut conn, criteria, page).await,
    }
}

#[derive(sqlx::FromRow)]
struct PartRow {
    seq: i64,
    id: PartId,
    brand: String,
    part_number: String,
    #[sqlx(rename = "type")]
    part_type: String,
    name: String,
    description: String,
    unit_price: Option<i64>,
    currency: String,
    oem_numbers: String,
    fitments: String,
}

/// The parts `seqs` name, in that order, with fitments and the caller's stock.
pub async fn load(db: &Db, caller: &Caller, seqs: &[i64]) -> sqlx::Result<Vec<Part>> {
    if seqs.is_empty() {
        return Ok(Vec::new());
    }
    let seq_json = serde_json::to_string(seqs).expect("integers serialize");
    let rows: Vec<PartRow> = db::query(db::PerEngine {
        sqlite: "SELECT seq, id, brand, part_number, type, name, description, unit_price, currency,
                        oem_numbers, fitments
                 FROM parts WHERE seq IN (SELECT value FROM json_each($1))",
        postgres: "SELECT seq, id, brand, part_number, type, name, description, unit_price,
                          currency, oem_numbers, fitments
                   FROM parts WHERE seq IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)",
    })
    .bind(&seq_json)
    .fetch_all(db)
    .await?;
    let locations: Vec<LocationId> = db::query(
        "SELECT id FROM locations WHERE shop_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY id",
    )
    .bind(&caller.shop_id)
    .bind(&caller.location_id)
    .fetch_scalars(db)
    .await?;
    let stock_rows: Vec<(i64, LocationId, i64)> = db::query(db::PerEngine {
        sqlite: "SELECT s.part_seq, s.location_id, s.quantity FROM part_stock s
                 JOIN locations l ON l.id = s.location_id
                 WHERE s.part_seq IN (SELECT value FROM json_each($1)) AND l.shop_id = $2
                       AND ($3 IS NULL OR l.id = $3)",
        postgres: "SELECT s.part_seq, s.location_id, s.quantity FROM part_stock s
                   JOIN locations l ON l.id = s.location_id
                   WHERE s.part_seq IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)
                         AND l.shop_id = $2 AND ($3 IS NULL OR l.id = $3)",
    })
    .bind(&seq_json)
    .bind(&caller.shop_id)
    .bind(&caller.location_id)
    .fetch_all(db)
    .await?;

    let stock: HashMap<(i64, LocationId), i64> = stock_rows
        .into_iter()
        .map(|(seq, location, quantity)| ((seq, location), quantity))
        .collect();
    let mut by_seq: HashMap<i64, PartRow> = rows.into_iter().map(|r| (r.seq, r)).collect();
    Ok(seqs
        .iter()
        .filter_map(|seq| by_seq.remove(seq))
        .map(|row| Part {
            oem_numbers: serde_json::from_str::<Vec<OemNumber>>(&row.oem_numbers)
                .unwrap_or_default(),
            fitments: serde_json::from_str::<Vec<Fitment>>(&row.fitments).unwrap_or_default(),
            stock: locations
                .iter()
                .map(|location| StockLevel {
                    location_id: location.clone(),
                    quantity: stock
                        .get(&(row.seq, location.clone()))
                        .copied()
                        .unwrap_or(0),
                })
                .collect(),
            id: row.id,
            brand: row.brand,
            part_number: row.part_number,
            part_type: row.part_type,
            name: row.name,
            description: row.description,
            unit_price: row.unit_price,
            currency: row.currency,
        })
        .collect())
}

pub async fn type_exists(db: &Db, part_type: &str) -> sqlx::Result<bool> {
    db::query("SELECT EXISTS (SELECT 1 FROM part_types WHERE type = $1)")
        .bind(part_type)
        .fetch_scalar(db)
        .await
}

pub async fn types(db: &Db) -> sqlx::Result<Vec<String>> {
    db::query("SELECT type FROM part_types ORDER BY type")
        .fetch_scalars(db)
        .await
}
