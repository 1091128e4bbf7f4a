-- Parts search on PostgreSQL: the same index as SQLite's (sqlite/0006_parts_search.sql), built
-- from PostgreSQL's own full-text machinery. Each part has one tsvector whose lexemes are
--   - the fit tokens of every vehicle year it fits, with and without its type, exactly as
--     SQLite's index names them (k<make>[t<type>]y<year>, m<make>[x<model>][t<type>]y<year>,
--     names in hex), built by the import (`parts::tsvector`);
--   - the words of its name, brand, part number, OEM numbers and description (lower-cased,
--     diacritics removed), and `w*` for each word's one- to three-letter prefixes, the
--     equivalent of FTS5's prefix indexes.
-- A search is one tsquery over the GIN index: the fit token AND each word (as the catalog's
-- words it is a prefix of). GIN walks the posting lists of the rare tokens and skips through
-- the long ones, as FTS5 does, and the matching parts come out without reading the catalog.

CREATE TABLE part_search (
    seq  BIGINT PRIMARY KEY REFERENCES parts (seq) ON DELETE CASCADE,
    doc  TSVECTOR NOT NULL
)
-- Documents live out of line (compressed), so the rows a search visits are a few dozen bytes
-- and the table it checks them in stays small enough to stay in memory.
WITH (toast_tuple_target = 128);

-- fastupdate off: a search never has to scan a pending list of recent inserts.
CREATE INDEX part_search_doc ON part_search USING gin (doc) WITH (fastupdate = off);

-- Every word of the catalog: a search word expands through it to the words it is a prefix of
-- (`front` -> `front`, `frontal`), as on SQLite.
CREATE TABLE part_words (
    word TEXT COLLATE "C" PRIMARY KEY
);
