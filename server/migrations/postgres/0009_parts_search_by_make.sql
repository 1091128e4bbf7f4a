-- Parts search on PostgreSQL, reshaped so that a search reads few heap pages. The lexemes a part
-- is indexed under are those of 0006 (and of SQLite's index); what changes is where they live.
--
-- A GIN search finds the matching rows in the index, but PostgreSQL then visits every match's
-- heap row to check that it is visible (PostgreSQL 15.13+ no longer skips all-visible pages in
-- a bitmap scan), so a search's cost follows the number of heap pages its matches are spread
-- over. 0006 stored each part's tsvector in its row: about 1.2 KB (below the 2 KB at which rows
-- are toasted), 7 rows a page, and the ~20,000 parts of a make and year on ~20,000 pages. Now:
--   - a row holds only what the lexemes are made from (the part's fitments of one make, its
--     folded words; about 180 bytes), and the index is on `part_search_doc(...)`, which expands
--     them: the tsvector exists in the index alone;
--   - rows are partitioned by make (ASCII-lowercased), one row per make a part fits, so a
--     make's parts share the pages of one partition, and a search (always for one make) reads
--     one partition's index and pages.

-- A part's lexemes from its row: the fit tokens of 0006
--   k<make>[t<type>]y<year>, m<make>[t<type>]y<year>, m<make>x<model>[t<type>]y<year>
-- (names as the hex of their UTF-8; `make` and the models in `fits` are ASCII-lowercased by the
-- writer), each word, and the one- to three-letter prefixes `w*` of each longer word.
-- `fits`: `model|year_from|year_to` entries joined by `;`, an empty model for every model.
-- `words`: the folded words joined by spaces.
CREATE FUNCTION part_search_doc(make TEXT, part_type TEXT, fits TEXT, words TEXT)
RETURNS TSVECTOR LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    lexemes TEXT[] := string_to_array(words, ' ');
    vehicle TEXT := encode(convert_to(make, 'UTF8'), 'hex');
    typed TEXT := 't' || encode(convert_to(part_type, 'UTF8'), 'hex');
    word TEXT;
    fit TEXT;
    model TEXT;
BEGIN
    FOREACH word IN ARRAY lexemes LOOP
        FOR n IN 1 .. least(3, length(word) - 1) LOOP
            lexemes := lexemes || (left(word, n) || '*');
        END LOOP;
    END LOOP;
    FOREACH fit IN ARRAY string_to_array(fits, ';') LOOP
        model := split_part(fit, '|', 1);
        model := 'm' || vehicle
                 || CASE WHEN model = '' THEN '' ELSE 'x' || encode(convert_to(model, 'UTF8'), 'hex') END;
        FOR year IN split_part(fit, '|', 2)::INT .. split_part(fit, '|', 3)::INT LOOP
            lexemes := lexemes || ARRAY['k' || vehicle || 'y' || year,
                                        'k' || vehicle || typed || 'y' || year,
                                        model || 'y' || year,
                                        model || typed || 'y' || year];
        END LOOP;
    END LOOP;
    RETURN array_to_tsvector(lexemes);
END
$$;

-- The catalog as 0006 indexed it: the rows from `parts`, the words from the old documents (their
-- lexemes less the `*` prefixes and the fit tokens, which are made from the fitments again).
CREATE TEMPORARY TABLE part_search_fits ON COMMIT DROP AS
SELECT p.seq, f.make, p.type,
       string_agg(f.model || '|' || f.year_from || '|' || f.year_to, ';' ORDER BY f.ord) AS fits
FROM parts p,
     LATERAL (SELECT translate(e ->> 'make', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS make,
                     coalesce(translate(e ->> 'model', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '') AS model,
                     e ->> 'year_from' AS year_from, e ->> 'year_to' AS year_to, ord
              FROM jsonb_array_elements(p.fitments::jsonb) WITH ORDINALITY AS j (e, ord)) f
GROUP BY p.seq, f.make, p.type;

CREATE TEMPORARY TABLE part_search_words ON COMMIT DROP AS
SELECT old.seq, coalesce(string_agg(lexeme, ' ' ORDER BY lexeme), '') AS words
FROM part_search old
JOIN (SELECT seq, array_agg(lexeme) AS lexemes
      FROM part_search_fits, unnest(tsvector_to_array(part_search_doc(make, type, fits, ''))) lexeme
      GROUP BY seq) fit USING (seq),
     unnest(tsvector_to_array(ts_delete(old.doc, fit.lexemes))) lexeme
WHERE right(lexeme, 1) <> '*'
GROUP BY old.seq;

DROP TABLE part_search;

CREATE TABLE part_search (
    seq    BIGINT NOT NULL REFERENCES parts (seq) ON DELETE CASCADE,
    make   TEXT COLLATE "C" NOT NULL,
    type   TEXT COLLATE "C" NOT NULL,
    fits   TEXT COLLATE "C" NOT NULL,
    words  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (seq, make)
) PARTITION BY HASH (make);

-- 64 partitions: about one per make of a real catalog. No parallel workers: a search reads a
-- few hundred pages, less than starting a worker costs.
DO $$
BEGIN
    FOR i IN 0 .. 63 LOOP
        EXECUTE format('CREATE TABLE part_search_%s PARTITION OF part_search
                        FOR VALUES WITH (MODULUS 64, REMAINDER %s) WITH (parallel_workers = 0)', i, i);
    END LOOP;
END
$$;

INSERT INTO part_search (seq, make, type, fits, words)
SELECT f.seq, f.make, f.type, f.fits, coalesce(w.words, '')
FROM part_search_fits f LEFT JOIN part_search_words w USING (seq)
ORDER BY f.seq;

-- fastupdate off: a search never has to scan a pending list of recent inserts (the import turns
-- it on for its duration, `parts::import`).
CREATE INDEX part_search_doc ON part_search
    USING gin (part_search_doc(make, type, fits, words)) WITH (fastupdate = off);
