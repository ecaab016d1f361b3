-- PostgreSQL twin of ../0003_stories.sql.
-- Story assignment of each article, and the streaming clusterer's index state:
-- one row per story (centroid terms, index keys, dates) plus document frequencies.
ALTER TABLE articles ADD COLUMN story_id TEXT;
CREATE INDEX articles_story ON articles(story_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    count BIGINT NOT NULL,
    first_date TEXT COLLATE "C",
    last_date TEXT COLLATE "C",
    terms TEXT NOT NULL,
    keys TEXT NOT NULL,
    dense TEXT
);
CREATE INDEX stories_last_date ON stories(last_date);

CREATE TABLE term_frequencies (
    term TEXT PRIMARY KEY,
    df BIGINT NOT NULL
);

CREATE TABLE corpus_counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
