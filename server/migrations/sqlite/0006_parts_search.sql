-- Parts search runs on the full-text index alone. Besides the part's words (column `text`), each
-- part's index entry carries tokens (column `fit`) for every vehicle year it fits, with and without
-- its type, so one FTS5 query finds the parts that fit a vehicle, of a type, matching the words:
-- FTS5 walks the token lists in rowid (catalog) order, intersects them by skipping, and yields
-- each part once however many of its fitments match. This replaces the year-range tables of 0003,
-- whose searches without a type had to sort every match and whose common-word searches built
-- huge IN sets.
--
-- Fit tokens (names are the hex of their ASCII-lowercased UTF-8, so any spelling is one token and
-- matching is case-insensitive, as before; `t<type>` is present in the typed twin of each token):
--   k<make>[t<type>]y<year>              fits some model of the make in that year
--   m<make>[t<type>]y<year>              fits every model of the make in that year
--   m<make>x<model>[t<type>]y<year>      fits that model in that year
-- The typed twins make a search with a type one token list of about a thousand parts rather than
-- the intersection of a make's (20,000) with a type's (60,000).
-- Queries put user words under `text :` and tokens under `fit :`, so typed words never reach them.

DROP TABLE part_make_fits;
DROP TABLE part_model_fits;
DROP TABLE parts_fts;

-- Model years a fitment may name; `part_search_docs` joins fitment ranges to it.
CREATE TABLE model_years (
    year INTEGER PRIMARY KEY
);
WITH RECURSIVE years (year) AS (SELECT 1886 UNION ALL SELECT year + 1 FROM years WHERE year < 2100)
INSERT INTO model_years (year) SELECT year FROM years;

-- What the index holds for a part. The import indexes through this view too, so the tokens are
-- written in one place; the search builds the same tokens in `parts::store`.
CREATE VIEW part_search_docs (seq, text, fit) AS
SELECT p.seq,
       concat_ws(' ', p.name, p.brand, p.part_number,
                 (SELECT group_concat(o.value ->> 'number', ' ') FROM json_each(p.oem_numbers) o),
                 p.description),
       (SELECT group_concat(DISTINCT fits.vehicle || types.infix || 'y' || y.year)
        FROM (SELECT 'k' || lower(hex(lower(f.value ->> 'make'))) AS vehicle,
                     f.value ->> 'year_from' AS year_from, f.value ->> 'year_to' AS year_to
              FROM json_each(p.fitments) f
              UNION ALL
              SELECT 'm' || lower(hex(lower(f.value ->> 'make')))
                         || iif(f.value ->> 'model' IS NULL, '',
                                'x' || lower(hex(lower(f.value ->> 'model')))),
                     f.value ->> 'year_from', f.value ->> 'year_to'
              FROM json_each(p.fitments) f) fits
        JOIN (SELECT '' AS infix UNION ALL SELECT 't' || lower(hex(p.type))) types
        JOIN model_years y ON y.year BETWEEN fits.year_from AND fits.year_to)
FROM parts p;

-- Contentless (the text lives in `parts`; rowid = parts.seq). `detail = column` keeps which
-- column a token is in (for the column filters) but no positions, which FTS5 would only need for
-- phrase queries. The prefix indexes make one- to three-letter prefixes (`b*`) single lookups
-- instead of merges of every term that starts with them.
CREATE VIRTUAL TABLE parts_fts USING fts5 (
    text,
    fit,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column,
    prefix = '1 2 3'
);
INSERT INTO parts_fts (rowid, text, fit) SELECT seq, text, fit FROM part_search_docs;

-- The index's terms, per column.
CREATE VIRTUAL TABLE parts_fts_terms USING fts5vocab (parts_fts, col);

-- Every word of the `text` column, refreshed from `parts_fts_terms` after each import. A search
-- word expands through it to the words it is a prefix of (`front` -> `front`, `frontal`), which
-- FTS5 intersects with the fit tokens by skipping; a prefix query (`front*`) would first gather
-- every part that has such a word, 150,000 of them for `front` in the 1.2M catalog. Words left
-- over from replaced parts only cost a lookup.
CREATE TABLE part_words (
    word TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO part_words (word) SELECT term FROM parts_fts_terms WHERE col = 'text';
