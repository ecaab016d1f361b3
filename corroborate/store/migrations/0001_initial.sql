-- Articles as cleaned, with their removed spans and the clean->raw offset map.
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
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
    published TEXT,
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
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_input_hash ON articles(input_hash);
CREATE INDEX articles_published ON articles(published);

-- MinHash LSH band keys (the band number is mixed into each key) for near-duplicate candidates.
CREATE TABLE lsh_bands (
    key INTEGER NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES articles(seq)
);
CREATE INDEX lsh_bands_key ON lsh_bands(key);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, outlet, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text, outlet) VALUES (new.seq, new.title, new.text, new.outlet);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, outlet)
    VALUES ('delete', old.seq, old.title, old.text, old.outlet);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, outlet)
    VALUES ('delete', old.seq, old.title, old.text, old.outlet);
    INSERT INTO articles_fts(rowid, title, text, outlet) VALUES (new.seq, new.title, new.text, new.outlet);
END;
