-- PostgreSQL twin of ../0001_initial.sql: the same tables and columns, version for version.
-- Articles as cleaned, with their removed spans and the clean->raw offset map.
-- Dates are compared as text (ISO 8601), so they sort bytewise ("C") as in SQLite, whatever the locale.

-- Full-text search folds diacritics like SQLite's unicode61 tokenizer with remove_diacritics, and
-- neither stems nor drops stop words. unaccent ships with PostgreSQL (contrib) and is a trusted
-- extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION corroborate (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION corroborate
    ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;

CREATE TABLE articles (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    external_id TEXT NOT NULL,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    outlet TEXT,
    url TEXT,
    title TEXT,
    subtitle TEXT,
    author TEXT,
    author_role TEXT,
    published TEXT COLLATE "C",
    published_from TEXT,
    published_evidence TEXT,
    text TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    offsets TEXT NOT NULL,
    removed TEXT NOT NULL,
    fixes TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),
    ingested_at TEXT NOT NULL,
    -- title, text and outlet, as SQLite's articles_fts indexes them (concatenated tsvectors, so a
    -- phrase never runs from one field into the next).
    search tsvector GENERATED ALWAYS AS (
        to_tsvector('corroborate', coalesce(title, '')) || to_tsvector('corroborate', text)
        || to_tsvector('corroborate', coalesce(outlet, ''))
    ) STORED
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_input_hash ON articles(input_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_search ON articles USING GIN (search);

-- MinHash LSH band keys (the band number is mixed into each key) for near-duplicate candidates.
CREATE TABLE lsh_bands (
    key BIGINT NOT NULL,
    article_seq BIGINT NOT NULL REFERENCES articles(seq)
);
CREATE INDEX lsh_bands_key ON lsh_bands(key);
