-- Story assignment of each article, and the streaming clusterer's index state:
-- one row per story (centroid terms, index keys, dates) plus document frequencies.
ALTER TABLE articles ADD COLUMN story_id TEXT;
CREATE INDEX articles_story ON articles(story_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    count INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    terms TEXT NOT NULL,
    keys TEXT NOT NULL,
    dense TEXT
);
CREATE INDEX stories_last_date ON stories(last_date);

CREATE TABLE term_frequencies (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
);

CREATE TABLE corpus_counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
