-- PostgreSQL twin of ../0005_frequency_log.sql.
CREATE TABLE term_frequency_log (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    frequencies TEXT NOT NULL
);
-- article_entities keeps its insert trigger here: the article and its rows go in one statement.
