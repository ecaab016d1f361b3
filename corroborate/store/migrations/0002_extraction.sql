-- What the extract stage found (compact JSON, spans as offsets), and the corpus entity of
-- each of the article's local entities.
ALTER TABLE articles ADD COLUMN extraction TEXT NOT NULL DEFAULT '{}';
ALTER TABLE articles ADD COLUMN entity_ids TEXT NOT NULL DEFAULT '[]';

-- Corpus entities: one row per resolved actor, with the registry's full record.
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX entities_name ON entities(name);
