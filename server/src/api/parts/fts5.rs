//! Parts search on SQLite: one FTS5 query over `parts_fts` (sqlite/0006_parts_search.sql), the
//! fit token under the `fit` column and the search words under `text`.

use super::store::Criteria;
use crate::db::{self, Conn};
use crate::http::pagination::Page;

/// A word that completes to more words than this is searched as a prefix query instead.
const MAX_COMPLETIONS: i64 = 64;

/// A matching part: its `seq` is the FTS5 row's id.
#[derive(sqlx::FromRow, serde::Deserialize)]
struct Hit {
    rowid: i64,
}

pub async fn search(
    conn: &mut Conn,
    criteria: &Criteria<'_>,
    page: Page,
) -> sqlx::Result<(Vec<i64>, i64)> {
    let expr = match_expr(conn, criteria).await?;
    let (hits, total) = db::Listing::new("parts_fts", "parts_fts MATCH $1")
        .bind(expr)
        .page::<Hit>(conn, "rowid", "rowid", page)
        .await?;
    Ok((hits.into_iter().map(|hit| hit.rowid).collect(), total))
}

/// The FTS5 query for `criteria`.
async fn match_expr(conn: &mut Conn, criteria: &Criteria<'_>) -> sqlx::Result<String> {
    let fits: Vec<String> = criteria.fit_tokens().iter().map(|t| quoted(t)).collect();
    let mut expr = format!("fit : ({})", fits.join(" OR "));
    for word in &criteria.words {
        expr.push_str(" AND text : ");
        expr.push_str(&word_expr(conn, word).await?);
    }
    Ok(expr)
}

/// `word` as the words of the catalog it is a prefix of, which FTS5 can intersect with the fit
/// tokens without gathering every part that has one of them. With no known completion (a word
/// imported a moment ago) or too many, FTS5's own prefix query, which finds the same parts.
async fn word_expr(conn: &mut Conn, word: &str) -> sqlx::Result<String> {
    let completions = completions(conn, word).await?;
    if completions.is_empty() || completions.len() as i64 > MAX_COMPLETIONS {
        return Ok(format!("{}*", quoted(word)));
    }
    let any: Vec<String> = completions.iter().map(|w| quoted(w)).collect();
    Ok(format!("({})", any.join(" OR ")))
}

fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// Up to [`MAX_COMPLETIONS`] + 1 words of the catalog that `word` is a prefix of.
async fn completions(conn: &mut Conn, word: &str) -> sqlx::Result<Vec<String>> {
    db::query(
        "SELECT word FROM part_words WHERE word >= $1 AND word < $1 || char(1114111)
         ORDER BY word LIMIT $2",
    )
    .bind(word)
    .bind(MAX_COMPLETIONS + 1)
    .fetch_scalars(conn)
    .await
}
