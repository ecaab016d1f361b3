-- Document frequencies changed by each write, appended as one row (a JSON object term -> df)
-- instead of updating each term's row of term_frequencies: an article changes a hundred or more
-- terms spread over the whole table, so every commit rewrote most of its pages. The log is
-- folded into term_frequencies every few hundred rows; the current frequencies are the table
-- with the log applied on top, in seq order.
CREATE TABLE term_frequency_log (
    seq INTEGER PRIMARY KEY,
    frequencies TEXT NOT NULL
);

-- The store writes an article's article_entities rows itself, from the entity ids it already
-- holds: the trigger parsed them back out of the JSON column, with a temporary table for DISTINCT,
-- at about a third of the cost of inserting the article row.
DROP TRIGGER article_entities_insert;
