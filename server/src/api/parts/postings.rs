//! Parts search on PostgreSQL: posting lists of our own in `part_postings`
//! (postgres/0011_parts_postings.sql), one compressed bitmap of part `seq`s per token and block
//! of 65,536 seqs. A search reads the lists of its fit tokens and words in one statement, and
//! intersects, counts and pages them here; the import (and [`backfill`]) writes them.
//!
//! The tokens are those of SQLite's index (`fts5`), so both engines find the same parts.

use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

use anyhow::Context;
use roaring::RoaringBitmap;
use sqlx::PgConnection;

use super::model::{Fitment, OemNumber};
use super::store::{Criteria, fit_token, fold, make_key, model_key};
use crate::db::{Conn, Db};
use crate::http::pagination::Page;

/// Words of this many letters and fewer are searched through their own prefix lists (`b*`,
/// `br*`, `bra*`), as FTS5's prefix indexes are: `b` completes to thousands of words.
const INDEXED_PREFIXES: usize = 3;
/// A row holds the seqs `block << BLOCK_BITS ..` of its token: one container of the bitmap.
const BLOCK_BITS: u32 = 16;
/// Rows per statement when the lists are written.
const WRITE_BATCH: usize = 20_000;
/// The advisory lock that serializes writers of the lists (imports and the backfill): a list is
/// read, changed and written back, so two writers at once would lose one's change.
const WRITERS_LOCK: i64 = 0x7061_7274_7370_6f73; // "partspos"

/// A token's row key range: `[lo, hi)`. A word's completions are the range `[word, word +
/// U+10FFFF)`; one token is `[token, token + U+0001)`, as no token holds a NUL.
struct Range {
    lo: String,
    hi: String,
}

impl Range {
    fn token(token: String) -> Self {
        let hi = format!("{token}\u{1}");
        Range { lo: token, hi }
    }

    fn prefix(word: &str) -> Self {
        Range {
            lo: word.to_owned(),
            hi: format!("{word}\u{10FFFF}"),
        }
    }
}

/// The page's part `seq`s, in catalog order, and how many parts match in all.
pub async fn search(
    conn: &mut Conn,
    criteria: &Criteria<'_>,
    page: Page,
) -> sqlx::Result<(Vec<i64>, i64)> {
    // Clause 0: any of the fit tokens; then each word: any token of its range(s).
    let mut clauses: Vec<Vec<Range>> = vec![
        criteria
            .fit_tokens()
            .into_iter()
            .map(|token| Range::token(fit(&token)))
            .collect(),
    ];
    for word in &criteria.words {
        clauses.push(if word.chars().count() <= INDEXED_PREFIXES {
            vec![Range::token(word.clone()), Range::token(format!("{word}*"))]
        } else {
            vec![Range::prefix(word)]
        });
    }
    let (mut lo, mut hi, mut clause) = (Vec::new(), Vec::new(), Vec::new());
    for (index, ranges) in clauses.iter().enumerate() {
        for range in ranges {
            lo.push(range.lo.as_str());
            hi.push(range.hi.as_str());
            clause.push(index as i32);
        }
    }
    let rows: Vec<(i32, Vec<u8>)> = sqlx::query_as(
        "SELECT c.clause, p.bits
         FROM unnest($1::text[], $2::text[], $3::int4[]) AS c (lo, hi, clause)
         CROSS JOIN LATERAL (SELECT bits FROM part_postings
                             WHERE token >= c.lo COLLATE \"C\" AND token < c.hi COLLATE \"C\") p",
    )
    .bind(&lo)
    .bind(&hi)
    .bind(&clause)
    .fetch_all(conn.as_postgres().expect("a PostgreSQL connection"))
    .await?;
    let mut lists = vec![RoaringBitmap::new(); clauses.len()];
    for (index, bits) in rows {
        lists[index as usize] |= decode(&bits).map_err(|e| sqlx::Error::Decode(e.into()))?;
    }
    lists.sort_by_key(RoaringBitmap::len);
    let mut lists = lists.into_iter();
    let mut matches = lists.next().unwrap_or_default();
    for list in lists {
        matches &= list;
    }
    let seqs = matches
        .iter()
        .skip(page.offset as usize)
        .take(page.limit as usize)
        .map(i64::from)
        .collect();
    Ok((seqs, matches.len() as i64))
}

/// A fit token as a postings token: `#` keeps it apart from words (letters and digits).
fn fit(token: &str) -> String {
    format!("#{token}")
}

fn decode(bits: &[u8]) -> std::io::Result<RoaringBitmap> {
    RoaringBitmap::deserialize_from(bits)
}

/// Every token a part is listed under: its fit tokens for each year and vehicle it fits, with and
/// without its type; its folded words; their one- to three-letter prefixes.
pub fn tokens(part_type: &str, fitments: &[Fitment], text: &[&str]) -> BTreeSet<String> {
    let mut tokens = BTreeSet::new();
    for fitment in fitments {
        let vehicles = [
            make_key(&fitment.make),
            model_key(&fitment.make, fitment.model.as_deref()),
        ];
        for year in fitment.year_from..=fitment.year_to {
            for vehicle in &vehicles {
                for typed in [None, Some(part_type)] {
                    tokens.insert(fit(&fit_token(vehicle, typed, year)));
                }
            }
        }
    }
    for field in text {
        for word in fold(field).split(|c: char| !c.is_alphanumeric()) {
            let letters: Vec<char> = word.chars().collect();
            if letters.is_empty() {
                continue;
            }
            for n in 1..=INDEXED_PREFIXES.min(letters.len() - 1) {
                tokens.insert(format!("{}*", String::from_iter(&letters[..n])));
            }
            tokens.insert(word.to_owned());
        }
    }
    tokens
}

/// A part as `parts` stores it, to list it under its tokens (the backfill) or to take it off
/// them (the import, before it overwrites the part): the columns [`STORED_COLUMNS`].
#[derive(sqlx::FromRow)]
pub struct StoredPart {
    seq: i64,
    #[sqlx(rename = "type")]
    part_type: String,
    name: String,
    brand: String,
    part_number: String,
    description: String,
    oem_numbers: String,
    fitments: String,
}

pub const STORED_COLUMNS: &str =
    "seq, type, name, brand, part_number, description, oem_numbers, fitments";

impl StoredPart {
    /// Its seq and tokens.
    fn listing(&self) -> anyhow::Result<(i64, BTreeSet<String>)> {
        let context = || format!("part seq {}", self.seq);
        let oem: Vec<OemNumber> = serde_json::from_str(&self.oem_numbers).with_context(context)?;
        let fitments: Vec<Fitment> = serde_json::from_str(&self.fitments).with_context(context)?;
        let text = text_fields(
            &self.name,
            &self.brand,
            &self.part_number,
            &oem,
            &self.description,
        );
        Ok((self.seq, tokens(&self.part_type, &fitments, &text)))
    }
}

/// The text a part's words come from.
pub fn text_fields<'a>(
    name: &'a str,
    brand: &'a str,
    part_number: &'a str,
    oem_numbers: &'a [OemNumber],
    description: &'a str,
) -> Vec<&'a str> {
    let mut fields = vec![name, brand, part_number];
    fields.extend(oem_numbers.iter().map(|o| o.number.as_str()));
    fields.push(description);
    fields
}

/// Takes the writers' lock until the transaction on `conn` ends. Every transaction that
/// changes the lists takes it first, before it reads what it will change.
pub async fn lock_for_writing(conn: &mut PgConnection) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(WRITERS_LOCK)
        .execute(conn)
        .await?;
    Ok(())
}

/// Changes to the lists, gathered over a transaction's parts and written at its end, so that a
/// list is rewritten once per transaction rather than once per part.
#[derive(Default)]
pub struct Changes {
    lists: HashMap<(String, i64), Change>,
}

#[derive(Default)]
struct Change {
    add: RoaringBitmap,
    remove: RoaringBitmap,
}

impl Changes {
    /// `seq` is listed under `tokens`.
    pub fn add(&mut self, seq: i64, tokens: BTreeSet<String>) -> anyhow::Result<()> {
        self.mark(seq, tokens, true)
    }

    /// `part`, as stored, is no longer listed under its tokens (a part imported again, before
    /// its new tokens are added: whatever it keeps is added back).
    pub fn remove_stored(&mut self, part: &StoredPart) -> anyhow::Result<()> {
        let (seq, tokens) = part.listing()?;
        self.remove(seq, tokens)
    }

    fn remove(&mut self, seq: i64, tokens: BTreeSet<String>) -> anyhow::Result<()> {
        self.mark(seq, tokens, false)
    }

    /// The transaction's last word on `seq` under each token wins: a part updated twice in one
    /// transaction ends up listed under its last tokens only.
    fn mark(&mut self, seq: i64, tokens: BTreeSet<String>, listed: bool) -> anyhow::Result<()> {
        let value = value(seq)?;
        for token in tokens {
            let change = self
                .lists
                .entry((token, i64::from(value >> BLOCK_BITS)))
                .or_default();
            let (to, from) = match listed {
                true => (&mut change.add, &mut change.remove),
                false => (&mut change.remove, &mut change.add),
            };
            from.remove(value);
            to.insert(value);
        }
        Ok(())
    }

    /// Applies the changes to the lists, in the transaction on `conn`, which holds the writers'
    /// lock ([`lock_for_writing`]).
    pub async fn write(&mut self, conn: &mut PgConnection) -> anyhow::Result<()> {
        let changes: Vec<((String, i64), Change)> = self.lists.drain().collect();
        for batch in changes.chunks(WRITE_BATCH) {
            let tokens: Vec<&str> = batch.iter().map(|((t, _), _)| t.as_str()).collect();
            let blocks: Vec<i64> = batch.iter().map(|((_, b), _)| *b).collect();
            let current: Vec<(String, i64, Vec<u8>)> = sqlx::query_as(
                "SELECT p.token, p.block, p.bits
                 FROM unnest($1::text[], $2::int8[]) AS k (token, block)
                 JOIN part_postings p ON p.token = k.token COLLATE \"C\" AND p.block = k.block",
            )
            .bind(&tokens)
            .bind(&blocks)
            .fetch_all(&mut *conn)
            .await?;
            let mut current: HashMap<(String, i64), Vec<u8>> = current
                .into_iter()
                .map(|(token, block, bits)| ((token, block), bits))
                .collect();
            let (mut kept, mut emptied) = (Rows::default(), Rows::default());
            for (key, change) in batch {
                let mut list = match current.remove(key) {
                    Some(bits) => decode(&bits)?,
                    None => RoaringBitmap::new(),
                };
                list -= &change.remove;
                list |= &change.add;
                if list.is_empty() {
                    emptied.push(key, Vec::new());
                } else {
                    let mut bits = Vec::with_capacity(list.serialized_size());
                    list.serialize_into(&mut bits)?;
                    kept.push(key, bits);
                }
            }
            sqlx::query(
                "INSERT INTO part_postings (token, block, bits)
                 SELECT * FROM unnest($1::text[], $2::int8[], $3::bytea[])
                 ON CONFLICT (token, block) DO UPDATE SET bits = excluded.bits",
            )
            .bind(&kept.tokens)
            .bind(&kept.blocks)
            .bind(&kept.bits)
            .execute(&mut *conn)
            .await?;
            if !emptied.tokens.is_empty() {
                sqlx::query(
                    "DELETE FROM part_postings p USING unnest($1::text[], $2::int8[]) AS k (token, block)
                     WHERE p.token = k.token COLLATE \"C\" AND p.block = k.block",
                )
                .bind(&emptied.tokens)
                .bind(&emptied.blocks)
                .execute(&mut *conn)
                .await?;
            }
        }
        Ok(())
    }
}

#[derive(Default)]
struct Rows<'a> {
    tokens: Vec<&'a str>,
    blocks: Vec<i64>,
    bits: Vec<Vec<u8>>,
}

impl<'a> Rows<'a> {
    fn push(&mut self, (token, block): &'a (String, i64), bits: Vec<u8>) {
        self.tokens.push(token);
        self.blocks.push(*block);
        self.bits.push(bits);
    }
}

/// A seq as a bitmap value. Seqs are the catalog's identity column: past 4,294,967,295 parts
/// the lists would need 64-bit bitmaps.
fn value(seq: i64) -> anyhow::Result<u32> {
    u32::try_from(seq).map_err(|_| anyhow::anyhow!("part seq {seq} is beyond the search index"))
}

/// Lists every part of a catalog imported before migration 0011 made the lists, once: the first
/// process to start after the upgrade does it (others wait on the writers' lock), in one
/// transaction, so a search sees the whole catalog or, until then, none of it. The server and
/// every CLI command run it after opening the database.
/// Nothing to do on SQLite, whose index its migrations build.
pub async fn backfill(db: &Db) -> anyhow::Result<()> {
    let Some(pool) = db.postgres_pool() else {
        return Ok(());
    };
    let pending = "SELECT EXISTS (SELECT 1 FROM part_postings_backfill)";
    // Looked at before the lock too, so that a start never waits for a running import.
    if !sqlx::query_scalar::<_, bool>(pending)
        .fetch_one(pool)
        .await?
    {
        return Ok(());
    }
    let mut tx = pool.begin().await?;
    lock_for_writing(&mut tx).await?;
    if !sqlx::query_scalar::<_, bool>(pending)
        .fetch_one(&mut *tx)
        .await?
    {
        return Ok(());
    }
    let started = Instant::now();
    tracing::info!("listing the parts catalog for search (migration 0011); this runs once");
    let last: Option<i64> = sqlx::query_scalar("SELECT max(seq) FROM parts")
        .fetch_one(&mut *tx)
        .await?;
    let mut parts = 0;
    // A block's parts at a time: each row of the lists is written once.
    for block in 0..=last.map_or(-1, |seq| seq >> BLOCK_BITS) {
        let rows: Vec<StoredPart> = sqlx::query_as(&format!(
            "SELECT {STORED_COLUMNS} FROM parts WHERE seq >= $1 AND seq < $2"
        ))
        .bind(block << BLOCK_BITS)
        .bind((block + 1) << BLOCK_BITS)
        .fetch_all(&mut *tx)
        .await?;
        parts += rows.len();
        let mut changes = Changes::default();
        for part in &rows {
            let (seq, tokens) = part.listing()?;
            changes.add(seq, tokens)?;
        }
        changes.write(&mut tx).await?;
    }
    sqlx::query("DELETE FROM part_postings_backfill")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    // As after an import: visibility and statistics for the first searches.
    sqlx::query("VACUUM (ANALYZE) part_postings")
        .execute(pool)
        .await?;
    tracing::info!(
        parts,
        seconds = started.elapsed().as_secs_f64(),
        "parts catalog listed for search"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_listed_under_its_fit_tokens_words_and_their_prefixes() {
        let fitments = [
            Fitment {
                make: "Honda".into(),
                model: Some("Accord".into()),
                year_from: 2003,
                year_to: 2004,
            },
            Fitment {
                make: "HONDA".into(),
                model: None,
                year_from: 2008,
                year_to: 2008,
            },
        ];
        let oem = [OemNumber {
            brand: "Honda".into(),
            number: "45022-SDA".into(),
        }];
        let text = text_fields("Café Pads", "Akebono", "A1", &oem, "");
        let (honda, accord, pads) = (
            hex::encode("honda"),
            hex::encode("accord"),
            hex::encode("brake-pads"),
        );
        let mut expected = BTreeSet::new();
        for (vehicles, year) in [
            ([format!("k{honda}"), format!("m{honda}x{accord}")], 2003),
            ([format!("k{honda}"), format!("m{honda}x{accord}")], 2004),
            ([format!("k{honda}"), format!("m{honda}")], 2008),
        ] {
            for vehicle in vehicles {
                expected.insert(format!("#{vehicle}y{year}"));
                expected.insert(format!("#{vehicle}t{pads}y{year}"));
            }
        }
        for token in [
            "cafe", "c*", "ca*", "caf*", "pads", "p*", "pa*", "pad*", "akebono", "a*", "ak*",
            "ake*", "a1", "45022", "4*", "45*", "450*", "sda", "s*", "sd*",
        ] {
            expected.insert(token.to_owned());
        }
        assert_eq!(tokens("brake-pads", &fitments, &text), expected);
    }

    #[test]
    fn changes_replace_what_an_earlier_change_of_the_same_transaction_listed() {
        let mut changes = Changes::default();
        let words = |w: &[&str]| BTreeSet::from_iter(w.iter().map(|w| w.to_string()));
        changes.add(7, words(&["front", "pads"])).unwrap();
        changes.remove(7, words(&["front", "pads"])).unwrap();
        changes.add(7, words(&["rear", "pads"])).unwrap();
        let listed = |token: &str| {
            let change = &changes.lists[&(token.to_owned(), 0)];
            (change.add.contains(7), change.remove.contains(7))
        };
        assert_eq!(listed("front"), (false, true));
        assert_eq!(listed("pads"), (true, false));
        assert_eq!(listed("rear"), (true, false));
        assert!(changes.add(1 << 32, words(&["x"])).is_err());
    }
}
