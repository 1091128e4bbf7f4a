//! Loads a catalog CSV (`vinsnap-server parts import FILE.csv`; columns in server/data/README.md).
//! Rows are upserted by (brand, part_number), so importing a newer catalog over an older one
//! updates it in place. Each row is checked and an error names its line and column.

use anyhow::{Context, bail};
use serde::Deserialize;
use sqlx::SqlitePool;

use super::fit_ranges::{self, FitmentRange};
use super::model::{Fitment, OemNumber};
use crate::core::ids::{LocationId, PartId, ShopId};
use crate::db::write_tx;

/// The sample catalog loaded on the demo shop (`server/data/parts_sample.csv`).
pub const SAMPLE: &str = include_str!("../../../data/parts_sample.csv");

/// Rows per transaction: large enough to be fast, small enough not to hold the write lock for
/// long while the server runs.
const BATCH: usize = 20_000;

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
    db: &SqlitePool,
    csv: impl std::io::Read,
    stock_for: Option<&ShopId>,
) -> anyhow::Result<Imported> {
    let locations: Vec<LocationId> = match stock_for {
        Some(shop) => {
            let locations: Vec<LocationId> =
                sqlx::query_scalar("SELECT id FROM locations WHERE shop_id = ? ORDER BY id")
                    .bind(shop)
                    .fetch_all(db)
                    .await?;
            if locations.is_empty() {
                bail!("shop {shop} does not exist or has no locations");
            }
            locations
        }
        None => Vec::new(),
    };
    let mut reader = csv::Reader::from_reader(csv);
    let mut imported = Imported::default();
    let mut tx = write_tx(db).await?;
    let mut in_batch = 0;
    for (index, record) in reader.deserialize::<Row>().enumerate() {
        let line = index + 2;
        let row = record.with_context(|| format!("line {line}"))?;
        import_row(&mut tx, &row, &locations, &mut imported)
            .await
            .with_context(|| format!("line {line} ({} {})", row.brand, row.part_number))?;
        in_batch += 1;
        if in_batch == BATCH {
            tx.commit().await?;
            tx = write_tx(db).await?;
            in_batch = 0;
        }
    }
    tx.commit().await?;
    Ok(imported)
}

async fn import_row(
    conn: &mut sqlx::SqliteConnection,
    row: &Row,
    locations: &[LocationId],
    imported: &mut Imported,
) -> anyhow::Result<()> {
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
    let oem_numbers = parse_oem_numbers(&row.oem_numbers)?;
    let fitments = parse_fitments(&row.fitments)?;
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

    let shown: Vec<Fitment> = fitments
        .iter()
        .map(|f| Fitment {
            make: f.make.to_owned(),
            model: f.model.map(str::to_owned),
            year_from: f.years.0,
            year_to: f.years.1,
        })
        .collect();
    sqlx::query("INSERT OR IGNORE INTO part_types (type) VALUES (?)")
        .bind(part_type)
        .execute(&mut *conn)
        .await?;
    let new_id = PartId::generate();
    let (seq, id): (i64, PartId) = sqlx::query_as(
        "INSERT INTO parts (id, brand, part_number, type, name, description, unit_price, currency,
                            oem_numbers, fitments)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (brand, part_number) DO UPDATE SET
             type = excluded.type, name = excluded.name, description = excluded.description,
             unit_price = excluded.unit_price, currency = excluded.currency,
             oem_numbers = excluded.oem_numbers, fitments = excluded.fitments
         RETURNING seq, id",
    )
    .bind(&new_id)
    .bind(row.brand.trim())
    .bind(row.part_number.trim())
    .bind(part_type)
    .bind(row.name.trim())
    .bind(row.description.trim())
    .bind(row.unit_price)
    .bind(&currency)
    .bind(serde_json::to_string(&oem_numbers)?)
    .bind(serde_json::to_string(&shown)?)
    .fetch_one(&mut *conn)
    .await?;
    if id != new_id {
        // An update: the fitments and search text are replaced, not added to.
        for sql in [
            "DELETE FROM part_make_fits WHERE part_seq = ?",
            "DELETE FROM part_model_fits WHERE part_seq = ?",
            "DELETE FROM parts_fts WHERE rowid = ?",
        ] {
            sqlx::query(sql).bind(seq).execute(&mut *conn).await?;
        }
    }
    let rows = fit_ranges::search_rows(&fitments);
    for (make, (year_from, year_to)) in rows.by_make {
        sqlx::query(
            "INSERT INTO part_make_fits (make, type, year_from, year_to, part_seq) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(make)
        .bind(part_type)
        .bind(year_from)
        .bind(year_to)
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    }
    for (make, model, (year_from, year_to)) in rows.by_model {
        sqlx::query(
            "INSERT INTO part_model_fits (make, model, type, year_from, year_to, part_seq)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(make)
        .bind(model)
        .bind(part_type)
        .bind(year_from)
        .bind(year_to)
        .bind(seq)
        .execute(&mut *conn)
        .await?;
    }
    let oem_text: Vec<&str> = oem_numbers.iter().map(|o| o.number.as_str()).collect();
    let text = format!(
        "{} {} {} {} {}",
        row.name,
        row.brand,
        row.part_number,
        oem_text.join(" "),
        row.description
    );
    sqlx::query("INSERT INTO parts_fts (rowid, text) VALUES (?, ?)")
        .bind(seq)
        .bind(text)
        .execute(&mut *conn)
        .await?;
    if !locations.is_empty() {
        for (location, quantity) in locations.iter().zip(&stock) {
            sqlx::query(
                "INSERT INTO part_stock (part_seq, location_id, quantity) VALUES (?, ?, ?)
                 ON CONFLICT (part_seq, location_id) DO UPDATE SET quantity = excluded.quantity",
            )
            .bind(seq)
            .bind(location)
            .bind(quantity)
            .execute(&mut *conn)
            .await?;
            imported.stock_rows += 1;
        }
    }
    imported.parts += 1;
    imported.fitments += fitments.len() as u64;
    Ok(())
}

/// `Honda:45022-SDA-A00;Acura:45022-SEP-A00`
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
fn parse_fitments(raw: &str) -> anyhow::Result<Vec<FitmentRange<'_>>> {
    let fitments: Vec<FitmentRange> = entries(raw)
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
            if make.is_empty() || model.is_empty() || year_from > year_to || year_from < 1886 {
                return Err(bad());
            }
            Ok(FitmentRange {
                make,
                model: (model != "*").then_some(model),
                years: (year_from, year_to),
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
        assert_eq!((parsed[0].make, parsed[0].model), ("Honda", Some("Accord")));
        assert_eq!((parsed[1].model, parsed[1].years), (None, (2010, 2010)));
        for bad in [
            "Honda|Accord",
            "Honda|Accord|2007-2003",
            "Honda|Accord|x",
            "",
            "|A|2000",
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
