-- Parts search on PostgreSQL as posting lists of our own (`api/parts/postings.rs`), replacing
-- 0009's GIN index. A GIN search finds its matches in the index but then reads each match's heap
-- row to check that it is visible, so a search for a make and year without a type (~19,000
-- matches in a 1.2M-part catalog) cost ~19,000 row checks. Here a search reads one row per token
-- and block of 65,536 parts, a compressed bitmap of the part `seq`s that have the token, and the
-- server intersects them, counts the matches and takes the page, as FTS5 does on SQLite.
--
-- Tokens are those of SQLite's index (sqlite/0006_parts_search.sql) and of 0009:
--   - `#` and a fit token (`#k<make>[t<type>]y<year>`, `#m<make>[x<model>][t<type>]y<year>`):
--     the `#` keeps them apart from words, which are letters and digits only;
--   - each folded word of the part's name, brand, part number, OEM numbers and description;
--   - `w*` for each word's one- to three-letter prefixes (a one-letter search is one list).
-- The server writes the lists (the import, and `postings::backfill` for the catalog below); nothing
-- in SQL reads inside `bits` (the portable serialization of a Roaring bitmap).
CREATE TABLE part_postings (
    token  TEXT COLLATE "C" NOT NULL,
    -- seq >> 16: each row is one container of the bitmap, so an import appending parts rewrites
    -- only the last block's rows, never a whole list.
    block  BIGINT NOT NULL,
    bits   BYTEA NOT NULL,
    PRIMARY KEY (token, block)
);
-- The bitmaps are compressed already: stored out of line as they are, not compressed again.
ALTER TABLE part_postings ALTER COLUMN bits SET STORAGE EXTERNAL;

-- A catalog imported before this migration is indexed again from `parts` by the first server or
-- CLI to start (`postings::backfill`), which deletes this row when done.
CREATE TABLE part_postings_backfill (
    pending BOOLEAN PRIMARY KEY CHECK (pending)
);
INSERT INTO part_postings_backfill SELECT true WHERE EXISTS (SELECT 1 FROM parts);

DROP TABLE part_search;
DROP FUNCTION part_search_doc(TEXT, TEXT, TEXT, TEXT);
DROP TABLE part_words;
