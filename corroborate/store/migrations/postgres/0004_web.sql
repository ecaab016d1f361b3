-- PostgreSQL twin of ../0004_web.sql.
-- What the web app (corroborate serve) looks up, kept cheap on a large corpus.

-- The story list groups articles by story and reads dates and outlets from this index alone.
CREATE INDEX articles_story_listing ON articles(story_id, published, outlet);

-- Which articles mention each corpus entity (entity pages). Entity ids are set before an
-- article is stored and never change, so one insert trigger keeps this complete.
CREATE TABLE article_entities (
    entity_id TEXT NOT NULL,
    article_seq BIGINT NOT NULL REFERENCES articles(seq),
    PRIMARY KEY (entity_id, article_seq)
);
INSERT INTO article_entities (entity_id, article_seq)
    SELECT DISTINCT j.value, a.seq FROM articles a, jsonb_array_elements_text(a.entity_ids::jsonb) AS j(value);
CREATE FUNCTION corroborate_article_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_entities (entity_id, article_seq)
        SELECT DISTINCT j.value, NEW.seq FROM jsonb_array_elements_text(NEW.entity_ids::jsonb) AS j(value);
    RETURN NULL;
END
$$;
CREATE TRIGGER article_entities_insert AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION corroborate_article_entities();

-- Claim counts per story for the story list. Computing them needs the story's dossier, so
-- they are computed for the stories a page shows and kept here; ``version`` names the story
-- state they were computed from (article count, latest article, reconcile version), so a
-- story that gained articles is recomputed the next time it is shown.
CREATE TABLE story_stats (
    story_id TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    corroborated INTEGER NOT NULL,
    unique_claims INTEGER NOT NULL,
    conflicting INTEGER NOT NULL
);
