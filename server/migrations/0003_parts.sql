-- The parts catalog is reference data shared by every shop and both modes (like TecDoc): a part,
-- the vehicles it fits, its OEM cross-references. Stock is per shop location.

CREATE TABLE part_types (
    type TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE parts (
    -- Integer key for the fitment index and the full-text index; `id` is the public id.
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    brand        TEXT NOT NULL,
    part_number  TEXT NOT NULL,
    type         TEXT NOT NULL REFERENCES part_types (type),
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    unit_price   INTEGER,
    currency     TEXT NOT NULL DEFAULT 'USD',
    -- JSON array of {"brand", "number"}: only ever shown or searched as text, never filtered.
    oem_numbers  TEXT NOT NULL DEFAULT '[]',
    UNIQUE (brand, part_number)
);

-- One row per vehicle range a part fits; `type` is copied from the part so that the common
-- search (make, type, year) is one range scan of a covering index.
CREATE TABLE part_fitments (
    part_seq   INTEGER NOT NULL REFERENCES parts (seq) ON DELETE CASCADE,
    type       TEXT NOT NULL,
    make       TEXT NOT NULL COLLATE NOCASE,
    -- NULL: every model of the make.
    model      TEXT COLLATE NOCASE,
    year_from  INTEGER NOT NULL,
    year_to    INTEGER NOT NULL
);
CREATE INDEX part_fitments_by_type ON part_fitments (make, type, year_from, year_to, model, part_seq);
CREATE INDEX part_fitments_by_year ON part_fitments (make, year_from, year_to, model, part_seq);
CREATE INDEX part_fitments_by_part ON part_fitments (part_seq);

-- Name, brand, part number, OEM numbers and description, for `q`. Contentless: the text lives in
-- `parts`; rowid = parts.seq.
CREATE VIRTUAL TABLE parts_fts USING fts5 (
    text,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE part_stock (
    part_seq     INTEGER NOT NULL REFERENCES parts (seq) ON DELETE CASCADE,
    location_id  TEXT NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
    quantity     INTEGER NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (part_seq, location_id)
) WITHOUT ROWID;
