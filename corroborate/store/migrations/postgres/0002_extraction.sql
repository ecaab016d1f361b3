-- PostgreSQL twin of ../0002_extraction.sql.
-- What the extract stage found (compact JSON, spans as offsets), and the corpus entity of
-- each of the article's local entities.
ALTER TABLE articles ADD COLUMN extraction TEXT NOT NULL DEFAULT '{}';
ALTER TABLE articles ADD COLUMN entity_ids TEXT NOT NULL DEFAULT '[]';

-- Corpus entities: one row per resolved actor, with the registry's full record.
-- seq keeps creation order (SQLite uses its implicit rowid).
CREATE TABLE entities (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_seq ON entities(seq);
