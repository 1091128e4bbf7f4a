//! Parts search on PostgreSQL: one tsquery over `part_search` (postgres/0006_parts_search.sql),
//! whose documents this module also writes for the import, so the tokens a search asks for and
//! the tokens a part is indexed under are made in one place.

use std::collections::BTreeSet;

use super::model::{Fitment, OemNumber};
use super::store::{Criteria, MAX_COMPLETIONS, completions, fold, name_token, type_infix};
use crate::db::Conn;
use crate::http::pagination::Page;

/// Prefixes of this many letters and fewer are indexed as lexemes of their own (`b*`, `br*`,
/// `bra*`), as FTS5's prefix indexes are, so a search for `b` is one posting list.
const INDEXED_PREFIXES: usize = 3;

pub async fn search(
    conn: &mut Conn,
    criteria: &Criteria<'_>,
    page: Page,
) -> sqlx::Result<(Vec<i64>, i64)> {
    let query = tsquery(conn, criteria).await?;
    // The matches are gathered once from the index (a bitmap), then counted and paged; an
    // index walk in `seq` order that tests each part's document would read the whole catalog.
    let (total, seqs): (i64, Vec<i64>) = sqlx::query_as(
        "WITH matches AS MATERIALIZED (SELECT seq FROM part_search WHERE doc @@ $1::tsquery)
         SELECT (SELECT COUNT(*) FROM matches),
                ARRAY(SELECT seq FROM matches ORDER BY seq LIMIT $2 OFFSET $3)",
    )
    .bind(query)
    .bind(i64::from(page.limit))
    .bind(i64::from(page.offset))
    .fetch_one(conn.as_postgres().expect("a PostgreSQL connection"))
    .await?;
    Ok((seqs, total))
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

/// What a part is indexed under: its fit tokens, its words and their short prefixes.
pub struct Document {
    pub lexemes: BTreeSet<String>,
    /// The words alone, for `part_words`.
    pub words: BTreeSet<String>,
}

impl Document {
    /// `text` is the part's name, brand, part number, OEM numbers and description.
    pub fn new(part_type: &str, fitments: &[Fitment], text: &[&str]) -> Self {
        let mut lexemes = BTreeSet::new();
        let typed = type_infix(part_type);
        for fitment in fitments {
            let make = name_token(&fitment.make);
            let vehicles = [
                format!("k{make}"),
                match &fitment.model {
                    Some(model) => format!("m{make}x{}", name_token(model)),
                    None => format!("m{make}"),
                },
            ];
            for year in fitment.year_from..=fitment.year_to {
                for vehicle in &vehicles {
                    lexemes.insert(format!("{vehicle}y{year}"));
                    lexemes.insert(format!("{vehicle}{typed}y{year}"));
                }
            }
        }
        let mut words = BTreeSet::new();
        for field in text {
            for word in fold(field).split(|c: char| !c.is_alphanumeric()) {
                if !word.is_empty() {
                    words.insert(word.to_owned());
                }
            }
        }
        for word in &words {
            let letters: Vec<char> = word.chars().collect();
            for n in 1..=INDEXED_PREFIXES.min(letters.len().saturating_sub(1)) {
                lexemes.insert(format!("{}*", letters[..n].iter().collect::<String>()));
            }
            lexemes.insert(word.clone());
        }
        Document { lexemes, words }
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
    fn a_document_has_the_fit_tokens_a_search_asks_for() {
        let fitments = [
            Fitment {
                make: "Honda".into(),
                model: Some("Accord".into()),
                year_from: 2003,
                year_to: 2004,
            },
            Fitment {
                make: "Honda".into(),
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
        let doc = Document::new("brake-pads", &fitments, &text);
        let (accord, civic) = (["ACCORD".to_owned()], ["Civic".to_owned()]);
        for (models, year, part_type) in [
            (&[][..], 2003, None),
            (&accord[..], 2004, Some("brake-pads")),
            (&civic[..], 2008, None),
            (&[][..], 2008, Some("brake-pads")),
        ] {
            let criteria = Criteria {
                make: "honda",
                models,
                year,
                part_type,
                words: Vec::new(),
            };
            let tokens = criteria.fit_tokens();
            assert!(
                tokens.iter().any(|t| doc.lexemes.contains(t)),
                "{models:?} {year} {part_type:?}"
            );
        }
        let miss = Criteria {
            make: "Honda",
            models: &civic,
            year: 2003,
            part_type: None,
            words: Vec::new(),
        };
        assert!(!miss.fit_tokens().iter().any(|t| doc.lexemes.contains(t)));
        for word in ["cafe", "45022", "sda", "a00", "act787", "c*", "ca*", "caf*"] {
            assert!(doc.lexemes.contains(word), "{word}");
        }
        assert!(!doc.lexemes.contains("cafe*"));
        assert!(doc.words.contains("cafe") && !doc.words.contains("c*"));
    }

    #[test]
    fn lexemes_are_taken_literally() {
        assert_eq!(lexeme("it's"), "'it''s'");
        assert_eq!(lexeme("a\\b"), "'a\\\\b'");
    }
}
