//! Catalog queries. Matching runs on the search tables' indexes alone (make, model, type, year
//! range) and yields part `seq`s in catalog order; only the page's parts are then read in full.

use sqlx::SqlitePool;
use std::collections::HashMap;

use super::model::{Fitment, OemNumber, Part, StockLevel};
use crate::auth::Caller;
use crate::core::ids::{LocationId, PartId};
use crate::http::pagination::Page;

/// What a search matches on.
pub struct Criteria<'a> {
    pub make: &'a str,
    /// `None`: any model of the make.
    pub model: Option<&'a str>,
    pub year: i32,
    pub part_type: Option<&'a str>,
    /// An FTS5 query, built by `fts_query`.
    pub text: Option<String>,
}

/// Turns what a person typed into an FTS5 query: every word must match, each as a prefix.
/// Anything but letters and digits separates words, so FTS5 syntax can't be injected.
pub fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Without a model, the per-make table; with one, the per-model table's rows for that model and
/// for every model. Either way a part matches through one row at most (see `fit_ranges`).
fn filter_sql(criteria: &Criteria) -> String {
    let mut sql = String::from(match criteria.model {
        None => "FROM part_make_fits f WHERE f.make = ?",
        Some(_) => "FROM part_model_fits f WHERE f.make = ? AND f.model IN ('', ?)",
    });
    if criteria.part_type.is_some() {
        sql.push_str(" AND f.type = ?");
    }
    sql.push_str(" AND f.year_from <= ? AND f.year_to >= ?");
    if criteria.text.is_some() {
        sql.push_str(" AND f.part_seq IN (SELECT rowid FROM parts_fts WHERE parts_fts MATCH ?)");
    }
    sql
}

macro_rules! bind_criteria {
    ($query:expr, $c:expr) => {{
        let mut query = $query.bind($c.make);
        if let Some(model) = $c.model {
            query = query.bind(model);
        }
        if let Some(part_type) = $c.part_type {
            query = query.bind(part_type);
        }
        query = query.bind($c.year).bind($c.year);
        if let Some(text) = &$c.text {
            query = query.bind(text.as_str());
        }
        query
    }};
}

/// The page's part `seq`s, in catalog order, and how many parts match in all.
pub async fn search(
    db: &SqlitePool,
    criteria: &Criteria<'_>,
    page: Page,
) -> sqlx::Result<(Vec<i64>, i64)> {
    let filter = filter_sql(criteria);
    let count_sql = format!("SELECT COUNT(*) {filter}");
    let total: i64 = bind_criteria!(sqlx::query_scalar(&count_sql), criteria)
        .fetch_one(db)
        .await?;
    if total == 0 {
        return Ok((Vec::new(), 0));
    }
    let page_sql = format!("SELECT f.part_seq {filter} ORDER BY f.part_seq LIMIT ? OFFSET ?");
    let seqs: Vec<i64> = bind_criteria!(sqlx::query_scalar(&page_sql), criteria)
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(db)
        .await?;
    Ok((seqs, total))
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
pub async fn load(db: &SqlitePool, caller: &Caller, seqs: &[i64]) -> sqlx::Result<Vec<Part>> {
    if seqs.is_empty() {
        return Ok(Vec::new());
    }
    let seq_json = serde_json::to_string(seqs).expect("integers serialize");
    let rows: Vec<PartRow> = sqlx::query_as(
        "SELECT seq, id, brand, part_number, type, name, description, unit_price, currency,
                oem_numbers, fitments
         FROM parts WHERE seq IN (SELECT value FROM json_each(?))",
    )
    .bind(&seq_json)
    .fetch_all(db)
    .await?;
    let locations: Vec<LocationId> = sqlx::query_scalar(
        "SELECT id FROM locations WHERE shop_id = ? AND (?2 IS NULL OR id = ?2) ORDER BY id",
    )
    .bind(&caller.shop_id)
    .bind(&caller.location_id)
    .fetch_all(db)
    .await?;
    let stock_rows: Vec<(i64, LocationId, i64)> = sqlx::query_as(
        "SELECT s.part_seq, s.location_id, s.quantity FROM part_stock s
         JOIN locations l ON l.id = s.location_id
         WHERE s.part_seq IN (SELECT value FROM json_each(?)) AND l.shop_id = ?
               AND (?3 IS NULL OR l.id = ?3)",
    )
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

pub async fn type_exists(db: &SqlitePool, part_type: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM part_types WHERE type = ?)")
        .bind(part_type)
        .fetch_one(db)
        .await
}

pub async fn types(db: &SqlitePool) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT type FROM part_types ORDER BY type")
        .fetch_all(db)
        .await
}
