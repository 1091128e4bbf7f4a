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
    -- JSON array of {"make", "model", "year_from", "year_to"} as imported.
    fitments     TEXT NOT NULL DEFAULT '[]',
    UNIQUE (brand, part_number)
);

-- The search tables. A part's fitments (as imported, also kept as JSON in `parts.fitments` for
-- display) are merged into disjoint year ranges, so that a part matches a vehicle through at
-- most one row: counting and paging need no DISTINCT, which on 1.2M parts is what made a search
-- slow. `type` is copied from the part so that (make, type, year) is one index range.
--
-- Per (part, make), over all its models: for a vehicle whose model is unknown.
CREATE TABLE part_make_fits (
    make       TEXT NOT NULL COLLATE NOCASE,
    type       TEXT NOT NULL,
    year_from  INTEGER NOT NULL,
    year_to    INTEGER NOT NULL,
    part_seq   INTEGER NOT NULL REFERENCES parts (seq) ON DELETE CASCADE,
    PRIMARY KEY (make, type, year_from, year_to, part_seq)
) WITHOUT ROWID;
CREATE INDEX part_make_fits_by_year ON part_make_fits (make, year_from, year_to, part_seq);
CREATE INDEX part_make_fits_by_part ON part_make_fits (part_seq);

-- Per (part, make, model), with `model` '' for "every model of the make"; a model's ranges
-- exclude the years its make's every-model ranges already cover.
CREATE TABLE part_model_fits (
    make       TEXT NOT NULL COLLATE NOCASE,
    model      TEXT NOT NULL COLLATE NOCASE,
    type       TEXT NOT NULL,
    year_from  INTEGER NOT NULL,
    year_to    INTEGER NOT NULL,
    part_seq   INTEGER NOT NULL REFERENCES parts (seq) ON DELETE CASCADE,
    PRIMARY KEY (make, model, type, year_from, year_to, part_seq)
) WITHOUT ROWID;
CREATE INDEX part_model_fits_by_year ON part_model_fits (make, model, year_from, year_to, part_seq);
CREATE INDEX part_model_fits_by_part ON part_model_fits (part_seq);

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
