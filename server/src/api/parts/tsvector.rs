//! Parts search on PostgreSQL: one tsquery over `part_search`
//! (postgres/0009_parts_search_by_make.sql), whose rows this module also writes for the import.
//! The lexemes a search asks for are made here and in `part_search_doc` (the migration), by the
//! same rules as SQLite's index.

use std::collections::{BTreeMap, BTreeSet};

use super::model::{Fitment, OemNumber};
use super::store::{Criteria, MAX_COMPLETIONS, completions, fold};
use crate::db::Conn;
use crate::http::pagination::Page;

/// Prefixes of this many letters and fewer are indexed as lexemes of their own (`b*`, `br*`,
/// `bra*`), as FTS5's prefix indexes are, so a search for `b` is one posting list.
/// (`part_search_doc` writes them.)
const INDEXED_PREFIXES: usize = 3;

pub async fn search(
    conn: &mut Conn,
    criteria: &Criteria<'_>,
    page: Page,
) -> sqlx::Result<(Vec<i64>, i64)> {
    let query = tsquery(conn, criteria).await?;
    // The matches come from the index as a bitmap and are read from the make's partition in
    // physical order; sorting them here is cheaper than a second pass for the count.
    let mut seqs: Vec<i64> = sqlx::query_scalar(
        "SELECT coalesce(array_agg(seq), '{}') FROM part_search
         WHERE make = $1 AND part_search_doc(make, type, fits, words) @@ $2::tsquery",
    )
    .bind(criteria.make.to_ascii_lowercase())
    .bind(query)
    .fetch_one(conn.as_postgres().expect("a PostgreSQL connection"))
    .await?;
    seqs.sort_unstable();
    let total = seqs.len() as i64;
    let from = (page.offset as usize).min(seqs.len());
    let to = (from + page.limit as usize).min(seqs.len());
    Ok((seqs[from..to].to_vec(), total))
}

/// The tsquery for `criteria`: a fit token, and each word as the catalog's words it begins.
async fn tsquery(conn: &mut Conn, criteria: &Criteria<'_>) -> sqlx::Result<String> {
    let fits: Vec<String> = criteria.fit_tokens().iter().map(|t| lexeme(t)).collect();
    let mut query = format!("({})", fits.join(" | "));
    for word in &criteria.words {
        query.push_str(" & ");
        query.push_str(&word_query(conn, word).await?);
    }
    Ok(query)
}

/// `word` as the words of the catalog it is a prefix of (which GIN intersects with the fit
/// token by skipping through their posting lists); too many of them, and a short word is its
/// indexed prefix, a longer one a prefix match. With none known (a word imported a moment
/// ago), a prefix match, which finds the same parts.
async fn word_query(conn: &mut Conn, word: &str) -> sqlx::Result<String> {
    let completions = completions(conn, word).await?;
    let short = word.chars().count() <= INDEXED_PREFIXES;
    if completions.len() as i64 > MAX_COMPLETIONS && short {
        return Ok(format!(
            "({} | {})",
            lexeme(word),
            lexeme(&format!("{word}*"))
        ));
    }
    if completions.is_empty() || completions.len() as i64 > MAX_COMPLETIONS {
        return Ok(format!("{}:*", lexeme(word)));
    }
    let any: Vec<String> = completions.iter().map(|w| lexeme(w)).collect();
    Ok(format!("({})", any.join(" | ")))
}

/// A lexeme in tsquery syntax, taken literally.
fn lexeme(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "''"))
}

/// A part's rows in `part_search`: one per make it fits, from which `part_search_doc` makes its
/// lexemes.
pub struct Document {
    /// ASCII-lowercased make -> that make's fitments as `model|year_from|year_to;...` (an empty
    /// model for every model).
    pub fits: BTreeMap<String, String>,
    /// The part's folded words, also for `part_words`.
    pub words: BTreeSet<String>,
}

impl Document {
    /// `text` is the part's name, brand, part number, OEM numbers and description.
    pub fn new(fitments: &[Fitment], text: &[&str]) -> Self {
        let mut fits = BTreeMap::<String, String>::new();
        for fitment in fitments {
            let entries = fits.entry(fitment.make.to_ascii_lowercase()).or_default();
            if !entries.is_empty() {
                entries.push(';');
            }
            let model = fitment.model.as_deref().unwrap_or_default();
            entries.push_str(&format!(
                "{}|{}|{}",
                model.to_ascii_lowercase(),
                fitment.year_from,
                fitment.year_to
            ));
        }
        let mut words = BTreeSet::new();
        for field in text {
            for word in fold(field).split(|c: char| !c.is_alphanumeric()) {
                if !word.is_empty() {
                    words.insert(word.to_owned());
                }
            }
        }
        Document { fits, words }
    }

    /// The `words` column.
    pub fn words_field(&self) -> String {
        Vec::from_iter(self.words.iter().map(String::as_str)).join(" ")
    }

    /// The text fields a document is made from, in the order SQLite's index reads them.
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_has_a_row_per_make_with_its_fitments_and_the_folded_words() {
        let fitments = [
            Fitment {
                make: "Honda".into(),
                model: Some("Accord".into()),
                year_from: 2003,
                year_to: 2004,
            },
            Fitment {
                make: "Acura".into(),
                model: Some("TL".into()),
                year_from: 2004,
                year_to: 2008,
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
            number: "45022-SDA-A00".into(),
        }];
        let text = Document::text_fields("Front Café Pads", "Akebono", "ACT787", &oem, "");
        let doc = Document::new(&fitments, &text);
        assert_eq!(
            Vec::from_iter(doc.fits.iter().map(|(m, f)| (m.as_str(), f.as_str()))),
            [
                ("acura", "tl|2004|2008"),
                ("honda", "accord|2003|2004;|2008|2008")
            ]
        );
        assert_eq!(
            doc.words_field(),
            "45022 a00 act787 akebono cafe front pads sda"
        );
    }

    #[test]
    fn lexemes_are_taken_literally() {
        assert_eq!(lexeme("it's"), "'it''s'");
        assert_eq!(lexeme("a\\b"), "'a\\\\b'");
    }
}
